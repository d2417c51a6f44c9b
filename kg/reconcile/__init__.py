"""Identity: authority lookups, the corpus-wide actor registry, and the minting of every IRI.

Nothing outside this package builds an IRI: :class:`~kg.reconcile.mint.Minter`
owns the patterns, :mod:`kg.reconcile.slug` the slugs.
"""
