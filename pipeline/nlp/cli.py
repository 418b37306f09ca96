"""``projektradar model …``: resolve, build and measure the German spaCy pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from pipeline.settings import Settings

app = typer.Typer(
    help="The German spaCy pipeline: which one runs, and building it offline.", no_args_is_help=True
)
SharedOption = Annotated[
    Path | None, typer.Option("--shared", help="Folder with the shared corpora [default: ../shared].")
]


def _settings(shared: Path | None) -> Settings:
    return Settings(shared_dir=shared) if shared else Settings()


@app.command("info")
def info_command(
    model: Annotated[str | None, typer.Option(help="Package name or path to check.")] = None,
    shared: SharedOption = None,
) -> None:
    """Print the model a run would use (name, version, path) as JSON."""
    from pipeline.nlp.resolve import resolve_model

    typer.echo(json.dumps(resolve_model(model, _settings(shared)).as_dict(), indent=2))


@app.command("ensure")
def ensure_command(
    shared: SharedOption = None,
    force: Annotated[bool, typer.Option(help="Train even if an official model is installed.")] = False,
) -> None:
    """Make sure a German pipeline is available: the official de_core_news_* if installed, else the
    cached project model, building it (about 20 minutes on 2 cores) only when the recipe changed."""
    from pipeline.nlp.fingerprint import models_dir, recipe_fingerprint
    from pipeline.nlp.resolve import OFFICIAL_PACKAGES, _from_package, trained_model_dir

    settings = _settings(shared)
    official = next((info for p in OFFICIAL_PACKAGES if (info := _from_package(p))), None)
    if official and not force:
        typer.echo(f"Using installed {official.name} {official.version}; no training needed.")
        return
    if not settings.nlp_data_dir.is_dir():
        cached_any = trained_model_dir(settings)
        if cached_any is None:
            typer.echo(
                f"{settings.nlp_data_dir} not found, so the model cannot be built here. Point --shared or "
                "PROJEKTRADAR_SHARED at the shared data, or with internet access install the official "
                "model: `python -m spacy download de_core_news_sm`.",
                err=True,
            )
            raise typer.Exit(1)
        typer.echo(f"No training data here; using the cached model {cached_any}.")
        return
    cached = models_dir(settings) / recipe_fingerprint(settings)
    if (cached / "meta.json").is_file():
        typer.echo(f"Model up to date: {cached}")
        return
    build_command(shared)


@app.command("build")
def build_command(
    shared: SharedOption = None,
    work_dir: Annotated[Path | None, typer.Option(help="Keep intermediate files here.")] = None,
) -> None:
    """Convert the corpora, train, evaluate and cache the project's German pipeline (writes MODEL.md)."""
    from pipeline.nlp.training.train import build_model

    build_model(_settings(shared), work_dir=work_dir, say=typer.echo)


@app.command("experiment")
def experiment_command(
    step: Annotated[str, typer.Argument(help="A step from pipeline/nlp/training/configs/variants.yml.")],
    seed: Annotated[
        int, typer.Option(help="Random seed of the NER training; run other seeds to see the spread.")
    ] = 0,
    shared: SharedOption = None,
) -> None:
    """Train and score one recipe step on the held-out NER data and record it for the model card."""
    from pipeline.nlp.training.experiments import run_experiment

    result = run_experiment(step, _settings(shared), seed=seed, say=typer.echo)
    typer.echo(json.dumps(result, indent=2))


@app.command("card")
def card_command(shared: SharedOption = None) -> None:
    """Re-render MODEL.md of the cached model from its metrics.json (e.g. after an experiment)."""
    import spacy

    from pipeline.nlp.resolve import trained_model_dir
    from pipeline.nlp.training import card

    model_dir = trained_model_dir(_settings(shared))
    if model_dir is None:
        raise typer.BadParameter("No trained model in the cache; run `make model` first.")
    details = json.loads((model_dir / "metrics.json").read_text(encoding="utf-8"))
    model_card = card.render(details, spacy.load(model_dir))
    (model_dir / "MODEL.md").write_text(model_card, encoding="utf-8")
    card.MODEL_CARD_PATH.write_text(model_card, encoding="utf-8")
    typer.echo(f"Wrote {card.MODEL_CARD_PATH} and {model_dir / 'MODEL.md'}")


@app.command("evaluate")
def evaluate_command(
    shared: SharedOption = None,
    group: Annotated[
        str, typer.Option(help="Corpora of this group of corpora.yml (contemporary: news and Wikipedia).")
    ] = "contemporary",
    limit: Annotated[
        int | None,
        typer.Option(
            help="At most this many test documents per corpus [default: the model card's cap, 1,500]."
        ),
    ] = None,
    out: Annotated[Path, typer.Option(help="Folder for evaluation/ner.json.")] = Path("outputs"),
) -> None:
    """Score the pipeline as a run loads it — the model's NER and entity rules plus the known
    organisations added at load time — on the held-out test parts of the NER corpora (exact spans).
    The model card scores the model alone; editing the gazetteer changes only this figure."""
    import yaml

    from pipeline.export import atomic_write_text
    from pipeline.nlp import load_nlp
    from pipeline.nlp.training import data, evaluate

    settings = _settings(shared)
    if not settings.nlp_data_dir.is_dir():
        raise typer.BadParameter(
            f"{settings.nlp_data_dir} not found: point --shared or PROJEKTRADAR_SHARED at it"
        )
    config = yaml.safe_load(data.CORPORA_CONFIG.read_text(encoding="utf-8"))["ner"]
    corpora = [name for name, spec in config.items() if spec["group"] == group]
    if not corpora:
        raise typer.BadParameter(f"no corpus of group {group!r} in {data.CORPORA_CONFIG}")
    nlp, info = load_nlp(settings=settings)
    labels = evaluate.CORE_LABELS
    result, total = {}, None
    for corpus in corpora:
        spec = config[corpus]
        docs = [
            d for d, split in data.ner_docs(nlp.vocab, settings.nlp_data_dir, corpus, spec) if split == "test"
        ]
        docs = docs[: evaluate.MAX_TEST_DOCS if limit is None else limit]
        counts = evaluate.ner_counts(nlp, docs)
        total = counts if total is None else total + counts
        result[corpus] = evaluate.ner_scores(counts, labels)
    result[group] = evaluate.ner_scores(total, labels)
    typer.echo(f"NER on the held-out test parts, pipeline {info.name} {info.version} as loaded (F1 %)")
    typer.echo("| set | PER | LOC | ORG | overall P | overall R | overall F |")
    typer.echo("|---|---|---|---|---|---|---|")
    for name, scores in result.items():
        cells = [f"{100 * scores[label]['f']:.1f}" for label in labels]
        overall = scores["overall"]
        typer.echo(
            f"| {name} | {' | '.join(cells)} | " + " | ".join(f"{100 * overall[k]:.1f}" for k in "prf") + " |"
        )
    atomic_write_text(out / "evaluation" / "ner.json", json.dumps(result, indent=2) + "\n")
