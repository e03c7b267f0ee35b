"""Alembic environment shipped inside the package; ``Store.open`` runs it without an alembic.ini."""
