"""The personal layer's pure logic: password policy and hashing, tokens, mute filtering.

No I/O here: ``store.accounts`` and ``store.personal`` hold the SQL, ``web/`` the routes.
"""
