"""diplomatic-kg: diplomatic archival documents to a validated linked-data knowledge graph.

The package is a pipeline whose folders are its stages, each depending only on
the ones before it: ``ingest`` (readers) -> ``extract`` (pure text analysis) ->
``reconcile`` (identity, the only place IRIs are minted) -> ``rdf`` (records to
triples) -> ``validate`` (SHACL) -> ``network`` (actor graph) -> ``export``
(writers). :func:`kg.pipeline.export` chains them; :mod:`kg.cli` is its client.
"""

__version__ = "0.1.0"
