"""Batch work over archives and history: backfill, reprocess, and the runners they use."""
