"""Benchmarks behind ``newsloom bench``: each module measures one part on loopback or in process."""
