"""Tables stage: the corpus-wide tables from the per-document results, shaped by :mod:`pipeline.schema`.

:func:`~pipeline.tables.build.build_tables` merges people and organisations across documents
(:mod:`pipeline.tables.registry`) and builds the rows of each table; :mod:`pipeline.tables.frames` turns
rows into typed DataFrames in the schema's column and row order. Writing them is the export stage's
job (:mod:`pipeline.export`).
"""
