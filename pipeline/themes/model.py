"""The scikit-learn theme classifier and the per-document classification the runner calls.

Paragraph → theme probabilities come from a :class:`~sklearn.pipeline.Pipeline`: a feature union of
TF-IDF over lookup lemmas (word uni- and bigrams) and TF-IDF over character n-grams (which sees
inside German compounds), followed by one calibrated logistic regression per theme.

A document's score for a theme is the **maximum** over its paragraphs: the codebook labels a text
with every theme that some part of it substantially addresses, and one paragraph about, say,
Elternzeit makes a press release about Vereinbarkeit. (A noisy-or would let long documents
accumulate many weak, incidental mentions into a confident yes.) A theme is assigned when that
score reaches the theme's threshold: ``threshold`` in the codebook, else the one threshold learned in
training by grouped cross-validation on the labelled paragraphs (stored in the model metadata).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from joblib import Parallel, delayed
from scipy.sparse import csr_matrix
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.utils.extmath import safe_sparse_dot

from pipeline.document import Document
from pipeline.themes.codebook import Codebook
from pipeline.themes.matching import Hit, matcher_for
from pipeline.themes.real import MAX_CHARS, MIN_CHARS
from pipeline.themes.text import analyse, analyse_spans, normalize

SCORE_DECIMALS = 4
EVIDENCE_SENTENCES = 2
EVIDENCE_SEPARATOR = " … "
CALIBRATION_FOLDS = 3
# Paragraphs scored per classifier call (with their sentences about four times as many texts): the
# analyses and hits memoised within a call (2,048 and 4,096 texts) are still there when reused.
PARAGRAPHS_PER_CALL = 256


@dataclass(frozen=True)
class EvidenceCandidate:
    """A sentence of a paragraph that may be quoted as a theme's evidence, with its own scores and
    the themes whose indicators it contains (only asked for in paragraphs that pass a threshold)."""

    position: int
    sentence: str
    scores: np.ndarray
    indicated: frozenset[str]


@dataclass(frozen=True)
class ScoredParagraph:
    """A paragraph's theme scores (codebook order), indicator hits and evidence candidates."""

    scores: np.ndarray
    hits: tuple[Hit, ...]
    candidates: list[EvidenceCandidate]


def scoring_units(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are scored, each the size of the real paragraphs the model learns
    from (:data:`~pipeline.themes.real.MIN_CHARS`–:data:`~pipeline.themes.real.MAX_CHARS`): the
    whole text unless it is longer, and from each sentence on, the shortest run of sentences that
    reaches the minimum.

    A theme then needs a paragraph's worth of text about it. Single sentences (scored before) lift
    a paragraph to its most theme-like sentence, „Das betrifft Männer und Frauen.“ alone scores
    Chancengleichheit 1.0; on grouped cross-validation over the real paragraphs that cost 0.08
    average precision, windows of this size none (0.710 against 0.709 for whole paragraphs alone),
    while a two-sentence passage inside a long, many-themed paragraph still counts.
    """
    units = [(0, len(text))] if len(text) <= MAX_CHARS else []
    sentences = analyse(text).sentences
    for k, (start, _) in enumerate(sentences):
        ends = (end for _, end in sentences[k:] if end - start >= MIN_CHARS)
        if (end := next(ends, None)) is None:
            break  # the rest of the text is shorter than a unit
        if (start, end) != (0, len(text)):
            units.append((start, end))
    return units or [(0, len(text))]


def score_texts(pipeline: Pipeline, texts: Sequence[str], matcher=None) -> np.ndarray:
    """``pipeline``'s probabilities for ``texts``, each the maximum over its :func:`scoring_units`
    (what prediction and threshold learning both use, so a threshold means the same in each).
    ``matcher`` memoises the indicator hits of the windows from those of their paragraph."""
    owners, pieces = [], []
    for i, text in enumerate(normalize(t) for t in texts):
        units = scoring_units(text)
        if len(units) > 1:
            analyse_spans(text, units)
            if matcher is not None:
                matcher.remember_spans(text, units)
        owners.extend([i] * len(units))
        pieces.extend(text[s:e] for s, e in units)
    distinct = list(dict.fromkeys(pieces))  # a repeated sentence or paragraph is featurised once
    row = {piece: k for k, piece in enumerate(distinct)}
    scores = pipeline.predict_proba(distinct)[[row[piece] for piece in pieces]]
    result = np.zeros((len(texts), scores.shape[1]))
    np.maximum.at(result, np.array(owners), scores)
    return np.round(result, SCORE_DECIMALS)


class LemmaText(BaseEstimator, TransformerMixin):
    """Texts → space-separated lower-case lookup lemmas, so „Projekte“ and „Projekts“ are one feature.

    With a codebook, each indicator hit adds a token ``#theme`` (the evaluators' knowledge as one
    feature among the words, weighted by the model like any other).
    """

    def __init__(self, codebook: Codebook | None = None):
        self.codebook = codebook

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        if self.codebook is None:
            return [analyse(x).lemmas for x in X]
        matcher = matcher_for(self.codebook)
        return [" ".join([analyse(x).lemmas, *(f"#{h.theme}" for h in matcher.hits(x))]) for x in X]


class SentenceSummedCounts(BaseEstimator, TransformerMixin):
    """Counts of ``vectorizer`` for a text as the sum of its sentences' counts.

    The theme model scores every paragraph and each of its sentences. Character n-grams are counted
    word by word, so a paragraph's counts are its sentences' counts added up (exactly, unless a
    sentence boundary falls inside a whitespace-separated word): each sentence is featurised once,
    and the paragraph costs one sparse product instead of a second pass over its characters.
    """

    def __init__(self, vectorizer=None):
        self.vectorizer = vectorizer

    def fit(self, X, y=None):
        self.vectorizer_ = clone(self.vectorizer).fit(X)
        return self

    def transform(self, X):
        pieces: dict[str, int] = {}
        rows, columns = [], []
        for row, text in enumerate(normalize(x) for x in X):
            for start, end in analyse(text).sentences or ((0, len(text)),):
                rows.append(row)
                columns.append(pieces.setdefault(text[start:end], len(pieces)))
        counts = self.vectorizer_.transform(list(pieces))
        summing = csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(X), len(pieces)))
        return (summing @ counts).tocsr()


class CalibratedOneVsRest(BaseEstimator, ClassifierMixin):
    """One calibrated binary classifier per label column, with sample weights passed through.

    (scikit-learn's OneVsRestClassifier only routes ``sample_weight`` with global metadata routing;
    the weights let weakly labelled paragraphs count less than hand-labelled ones.)
    """

    def __init__(
        self, estimator=None, method: str = "sigmoid", cv: int = CALIBRATION_FOLDS, n_jobs: int | None = -1
    ):
        self.estimator = estimator
        self.method = method
        self.cv = cv
        self.n_jobs = n_jobs

    def fit(self, X, Y, sample_weight=None):
        if self.method != "sigmoid":
            raise ValueError("predict_proba evaluates sigmoid calibration only")
        Y = np.asarray(Y)
        positives = Y.sum(axis=0).astype(int).tolist()
        for n in positives:
            if n < 2 or n > len(Y) - 2:
                raise ValueError(f"a label column has {n} positives; at least 2 are needed")
        # one label per thread: liblinear releases the GIL, and threads share X without copying it
        calibrated = [
            CalibratedClassifierCV(clone(self.estimator), method=self.method, cv=min(self.cv, n))
            for n in positives
        ]
        self.estimators_ = Parallel(n_jobs=self.n_jobs, prefer="threads")(
            delayed(model.fit)(X, column, sample_weight=sample_weight)
            for model, column in zip(calibrated, Y.T, strict=True)
        )
        folds = [
            (j, fold) for j, model in enumerate(self.estimators_) for fold in model.calibrated_classifiers_
        ]
        self.fold_columns_ = np.array([j for j, _ in folds])
        self.coef_ = np.column_stack([fold.estimator.coef_.ravel() for _, fold in folds])
        self.intercept_ = np.array([fold.estimator.intercept_[0] for _, fold in folds])
        self.sigmoid_ = np.array([(fold.calibrators[0].a_, fold.calibrators[0].b_) for _, fold in folds]).T
        return self

    def predict_proba(self, X) -> np.ndarray:
        """Per label column, the mean over its calibrated folds of ``expit(-(a · decision + b))``.

        The same arithmetic as each CalibratedClassifierCV's ``predict_proba``, bit for bit, but all
        folds of all labels in one sparse product: scikit-learn's input validation per fold and call
        (12 themes × 3 folds) cost far more than the arithmetic.
        """
        slope, offset = self.sigmoid_
        decision = safe_sparse_dot(X, self.coef_, dense_output=True) + self.intercept_
        folds = expit(-(slope * decision + offset))
        total = np.zeros((folds.shape[0], len(self.estimators_)))
        counts = np.zeros(len(self.estimators_))
        for k, j in enumerate(self.fold_columns_):
            total[:, j] += folds[:, k]
            counts[j] += 1
        return total / counts

    def predict(self, X) -> np.ndarray:
        """scikit-learn's convention (0.5); :class:`ThemeModel` applies the learned thresholds."""
        return (self.predict_proba(X) >= 0.5).astype(int)


def build_pipeline(codebook: Codebook | None = None, C: float = 10.0, random_state: int = 0) -> Pipeline:
    """The untrained theme classifier (features → calibrated one-vs-rest logistic regression)."""
    lemmas = Pipeline(
        [
            ("lemmatize", LemmaText(codebook)),
            (
                "tfidf",
                TfidfVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2), sublinear_tf=True),
            ),
        ]
    )
    chars = Pipeline(
        [
            (
                "counts",
                SentenceSummedCounts(CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2)),
            ),
            ("tfidf", TfidfTransformer(sublinear_tf=True)),
        ]
    )
    base = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", random_state=random_state)
    features = [("lemmas", lemmas), ("chars", chars)]
    return Pipeline(
        [
            ("features", FeatureUnion(features)),
            ("classify", CalibratedOneVsRest(base)),
        ]
    )


class ThemeModel:
    """A trained theme classifier together with its codebook, thresholds and metadata."""

    def __init__(self, codebook: Codebook, pipeline: Pipeline, metadata: dict):
        self.codebook = codebook
        self.pipeline = pipeline
        self.metadata = metadata
        self.matcher = matcher_for(codebook)
        self.thresholds = np.array([metadata["thresholds"][t.id] for t in codebook.themes])

    @property
    def fingerprint(self) -> str:
        """Identity of codebook, labels, training data and code (part of the result-cache key)."""
        return self.metadata["fingerprint"]

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probability per text (rows) and codebook theme (columns, in codebook order).

        A text is scored in units of the size the model learned from (:func:`scoring_units`),
        keeping the highest score: Fachkräftesicherung in a few sentences of a report's long block
        would be diluted as one vector, while a single incidental sentence is no evidence of its own.
        """
        if not texts:
            return np.zeros((0, len(self.codebook.themes)))
        return score_texts(self.pipeline, texts, self.matcher)

    def predict(self, texts: Sequence[str]) -> list[set[str]]:
        ids = self.codebook.ids
        return [{ids[j] for j in np.flatnonzero(row >= self.thresholds)} for row in self.predict_proba(texts)]

    def classify(self, document: Document) -> tuple[list[dict], list[dict]]:
        """Rows of the ``paragraph_themes`` and ``themes`` tables for one document."""
        return self.classify_many([document])[0]

    def classify_many(self, documents: Sequence[Document]) -> list[tuple[list[dict], list[dict]]]:
        """:meth:`classify` for each document, their paragraphs scored together (:meth:`_score`)."""
        paragraphs = [
            [(s, e, d.text[s:e]) for s, e in d.paragraphs if d.text[s:e].strip()] for d in documents
        ]
        scored = iter(self._score([text for p in paragraphs for _, _, text in p]))
        return [
            self._rows(document, p, [next(scored) for _ in p])
            for document, p in zip(documents, paragraphs, strict=True)
        ]

    def _score(self, paragraphs: list[str]) -> list[ScoredParagraph]:
        """Scores, indicator hits and evidence candidates of each paragraph.

        Paragraphs and their candidate sentences are scored in calls of at most
        :data:`PARAGRAPHS_PER_CALL` paragraphs: the classifier's cost is mostly per call, not per text,
        and within a call each text's analysis and hits are memoised (:mod:`pipeline.themes.text`) —
        a long report's thousands of paragraphs in one call would evict them before they are reused.
        """
        scored: list[ScoredParagraph] = []
        for first in range(0, len(paragraphs), PARAGRAPHS_PER_CALL):
            chunk = paragraphs[first : first + PARAGRAPHS_PER_CALL]
            candidates = self._evidence_candidates(chunk)
            scores = self.predict_proba(chunk + [sentence for _, _, sentence in candidates])
            paragraph_scores, sentence_scores = scores[: len(chunk)], scores[len(chunk) :]
            passing = (paragraph_scores >= self.thresholds).any(axis=1)
            own: list[list[EvidenceCandidate]] = [[] for _ in chunk]
            for k, (p, position, sentence) in enumerate(candidates):
                # only sentences of a paragraph that reaches some threshold are ranked as evidence
                hits = self.matcher.hits(sentence) if passing[p] else ()
                indicated = frozenset(h.theme for h in hits)
                own[p].append(EvidenceCandidate(position, sentence, sentence_scores[k], indicated))
            scored += [
                ScoredParagraph(paragraph_scores[i], self.matcher.hits(text), own[i])
                for i, text in enumerate(chunk)
            ]
        return scored

    def _rows(
        self, document: Document, paragraphs: list[tuple[int, int, str]], scored: list[ScoredParagraph]
    ) -> tuple[list[dict], list[dict]]:
        n_themes = len(self.codebook.themes)
        scores = np.array([s.scores for s in scored]).reshape(len(scored), n_themes)
        paragraph_rows: list[dict] = []
        for index, ((start, end, text), paragraph) in enumerate(zip(paragraphs, scored, strict=True)):
            clean = normalize(text)
            for j, theme in enumerate(self.codebook.themes):
                terms = sorted({clean[h.start : h.end] for h in paragraph.hits if h.theme == theme.id})
                paragraph_rows.append(
                    {
                        "doc_id": document.doc_id,
                        "paragraph_index": index,
                        "start_char": start,
                        "end_char": end,
                        "theme": theme.id,
                        "score": float(scores[index, j]),
                        "assigned": bool(scores[index, j] >= self.thresholds[j]),
                        "indicators": "; ".join(terms),
                    }
                )
        theme_rows = []
        doc_scores = scores.max(axis=0) if len(paragraphs) else np.zeros(n_themes)
        evidence = self._evidence(scored)
        for j, theme in enumerate(self.codebook.themes):
            assigned = bool(doc_scores[j] >= self.thresholds[j])
            theme_rows.append(
                {
                    "doc_id": document.doc_id,
                    "theme": theme.id,
                    "label": theme.label,
                    "score": float(doc_scores[j]),
                    "assigned": assigned,
                    "threshold": float(self.thresholds[j]),
                    "n_paragraphs": int((scores[:, j] >= self.thresholds[j]).sum()) if len(paragraphs) else 0,
                    "evidence": evidence.get(theme.id, "") if assigned else "",
                }
            )
        return paragraph_rows, theme_rows

    @staticmethod
    def _evidence_candidates(paragraphs: list[str]) -> list[tuple[int, int, str]]:
        """The sentences evidence is chosen from: (paragraph, sentence position, text)."""
        candidates = []
        for p, text in enumerate(paragraphs):
            clean = normalize(text)
            for position, (s, e) in enumerate(analyse(clean).sentences):
                sentence = " ".join(clean[s:e].split())
                if len(sentence) >= 20:
                    candidates.append((p, position, sentence))
        return candidates

    def _evidence(self, scored: list[ScoredParagraph]) -> dict[str, str]:
        """Per theme, the sentences that carry it, from the paragraphs that reach the threshold.

        Sentences are ranked by their own score, with a bonus for containing one of the theme's
        indicators (so the quoted evidence shows the reader why), and printed in text order.
        """
        if not any(paragraph.candidates for paragraph in scored):
            return {}
        evidence = {}
        for j, theme in enumerate(self.codebook.themes):
            ranked = [
                (-(c.scores[j] + 0.25 * (theme.id in c.indicated)), p, c.position, c.sentence)
                for p, paragraph in enumerate(scored)
                if paragraph.scores[j] >= self.thresholds[j]
                for c in paragraph.candidates
            ]
            best = sorted(sorted(ranked)[:EVIDENCE_SENTENCES], key=lambda r: (r[1], r[2]))
            evidence[theme.id] = EVIDENCE_SEPARATOR.join(r[3] for r in best)
        return evidence
