"""Model resolution order: explicit/env → installed official package → cached project model → error."""

from __future__ import annotations

import importlib
import json
import sys

import pytest

from pipeline.nlp import resolve
from pipeline.nlp.fingerprint import models_dir, recipe_fingerprint
from pipeline.nlp.resolve import ENV_VAR, ModelNotFoundError, resolve_model
from pipeline.settings import Settings


def _model_dir(path, name="fake", version="1.2.3"):
    path.mkdir(parents=True)
    (path / "meta.json").write_text(json.dumps({"lang": "de", "name": name, "version": version}))
    return path


@pytest.fixture
def fake_package(tmp_path, monkeypatch):
    """An importable ``de_core_news_sm`` laid out like ``spacy download`` installs it (no network)."""
    package = tmp_path / "site" / "de_core_news_sm"
    _model_dir(package, name="core_news_sm", version="3.8.0")
    (package / "__init__.py").write_text("")
    _model_dir(package / "de_core_news_sm-3.8.0", name="core_news_sm", version="3.8.0")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    importlib.invalidate_caches()
    yield package
    sys.modules.pop("de_core_news_sm", None)


@pytest.fixture
def settings(tmp_path):
    return Settings(cache_dir=tmp_path / "cache")


@pytest.fixture(autouse=True)
def no_env(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_explicit_path_wins_over_everything(tmp_path, fake_package, settings, monkeypatch):
    explicit = _model_dir(tmp_path / "mine", name="mine")
    monkeypatch.setenv(ENV_VAR, str(fake_package))
    info = resolve_model(str(explicit), settings)
    weights = resolve.weights_digest(explicit)
    assert info.as_dict() == {
        "name": "de_mine",
        "version": "1.2.3",
        "path": str(explicit.resolve()),
        "weights": weights,
    }


def test_env_var_names_a_package_or_a_path(tmp_path, fake_package, settings, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "de_core_news_sm")
    assert resolve_model(settings=settings).name == "de_core_news_sm"
    monkeypatch.setenv(ENV_VAR, str(_model_dir(tmp_path / "env_model", name="env")))
    assert resolve_model(settings=settings).name == "de_env"


def test_unknown_explicit_model_is_an_error(settings):
    with pytest.raises(ModelNotFoundError, match="make model"):
        resolve_model("de_no_such_model", settings)


def test_installed_official_package_wins_over_cache(fake_package, settings):
    _model_dir(models_dir(settings) / recipe_fingerprint(settings), name="projektradar_news")
    info = resolve_model(settings=settings)
    assert (info.name, info.version) == ("de_core_news_sm", "3.8.0")
    assert info.path == str(fake_package / "de_core_news_sm-3.8.0")


def test_cached_project_model_when_no_official_package(settings, monkeypatch):
    monkeypatch.setattr(resolve, "OFFICIAL_PACKAGES", ("de_core_news_xx_missing",))
    cached = _model_dir(models_dir(settings) / recipe_fingerprint(settings), name="projektradar_news")
    stale = _model_dir(models_dir(settings) / "0000stale", name="old")
    stale.touch()
    info = resolve_model(settings=settings)
    assert info.name == "de_projektradar_news"
    assert info.path == str(cached.resolve())


def test_stale_cached_model_is_a_fallback(settings, monkeypatch):
    monkeypatch.setattr(resolve, "OFFICIAL_PACKAGES", ("de_core_news_xx_missing",))
    stale = _model_dir(models_dir(settings) / "0000stale", name="old")
    assert resolve_model(settings=settings).path == str(stale.resolve())


def test_error_names_the_fixing_commands(settings, monkeypatch):
    monkeypatch.setattr(resolve, "OFFICIAL_PACKAGES", ("de_core_news_xx_missing",))
    with pytest.raises(ModelNotFoundError) as error:
        resolve_model(settings=settings)
    assert "make model" in str(error.value)
    assert "python -m spacy download de_core_news_sm" in str(error.value)


def test_stale_cached_model_is_used_with_one_warning(tmp_path, caplog):
    """Without ../shared the recipe cannot be fingerprinted: the newest cached model is used, and the
    user is told once per process, not at every resolution."""
    settings = Settings(shared_dir=tmp_path / "no-shared", cache_dir=tmp_path / "cache")
    _model_dir(models_dir(settings) / "0123456789abcdef", name="projektradar_news")
    with caplog.at_level("WARNING", logger=resolve.__name__):
        first = resolve_model(settings=settings)
        second = resolve_model(settings=settings)
    assert first == second and first.name == "de_projektradar_news"
    assert [r.getMessage() for r in caplog.records].count(
        f"Using cached model {models_dir(settings) / '0123456789abcdef'} built from an older recipe; "
        "`make model` rebuilds it."
    ) == 1


def test_the_weights_name_the_build(tmp_path, settings):
    """Two builds of one recipe (same name, version and path layout) differ by their weights only."""
    builds = []
    for build, weights in (("a", b"\x01\x02"), ("b", b"\x01\x03"), ("c", b"\x01\x02")):
        directory = _model_dir(tmp_path / build)
        (directory / "ner").mkdir()
        (directory / "ner" / "model").write_bytes(weights)
        builds.append(resolve_model(str(directory), settings))
    assert {b.name for b in builds} == {"de_fake"} and {b.version for b in builds} == {"1.2.3"}
    digests = [b.weights for b in builds]
    assert digests[0] != digests[1] and digests[0] == digests[2] and len(digests[0]) == 16
    assert builds[0].as_dict()["weights"] == digests[0]
