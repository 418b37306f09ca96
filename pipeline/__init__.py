"""projektradar: who took part, what they said and which themes German project reports touch.

Notebook use::

    from pipeline import run
    result = run("corpus/", out_dir="outputs/")   # out_dir is optional
    result["documents"]                           # pandas DataFrame per output table
"""

__version__ = "0.1.0"

from pipeline.runner import RunResult, run

__all__ = ["RunResult", "__version__", "run"]
