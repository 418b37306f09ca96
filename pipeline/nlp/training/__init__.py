"""Building the offline German model from ``../shared`` (``projektradar model build``): corpus
conversion, lexicon features, word vectors, training, held-out evaluation and the model card.

Nothing here runs when documents are processed; every file of this package is part of the model's
fingerprint (:mod:`pipeline.nlp.fingerprint`), so changing one builds a new model.
"""
