"""The one-worker schedule (child parses, this process analyses or takes batches itself) with a fake
child whose speed the test decides: results stay in input order whichever path a batch takes."""

from __future__ import annotations

from concurrent.futures import Future

from pipeline.engines import CHILD_BACKLOG, _TwoStages


class FakeProcessor:
    def __init__(self):
        self.here: list[int] = []

    def process(self, batch):
        self.here.append(batch[0])
        return [("here", d) for d in batch]

    def finish(self, batch, parsed):
        return [("child", p) for p in parsed]


class FakeChild:
    """``submit`` returns a future that is finished at once (``fast``) or never started."""

    def __init__(self, fast: bool):
        self.fast = fast
        self.submitted: list[int] = []

    def submit(self, _function, _config, batch):
        self.submitted.append(batch[0])
        future: Future = Future()
        if self.fast:
            future.set_result([f"parsed {d}" for d in batch])
        return future


def schedule(fast: bool, n_batches: int = 20):
    processor, child = FakeProcessor(), FakeChild(fast)
    batches = iter([[2 * k, 2 * k + 1] for k in range(n_batches)])
    done = list(_TwoStages(None, processor, child, batches).run())
    return done, processor, child


def test_a_fast_child_parses_every_batch_and_this_process_only_analyses():
    done, processor, child = schedule(fast=True)
    assert [batch for batch, _ in done] == [[2 * k, 2 * k + 1] for k in range(20)]
    assert done[3][1] == [("child", "parsed 6"), ("child", "parsed 7")]
    assert processor.here == []
    assert child.submitted == list(range(0, 40, 2))


def test_a_busy_child_leaves_batches_to_this_process_and_order_is_kept():
    done, processor, child = schedule(fast=False)
    assert [batch for batch, _ in done] == [[2 * k, 2 * k + 1] for k in range(20)]
    assert all(rows == [("here", b[0]), ("here", b[1])] for b, rows in done)
    # the child got its backlog first; those batches were taken back when nothing else was left
    assert child.submitted[:CHILD_BACKLOG] == [0, 2, 4, 6]
    assert sorted(processor.here) == list(range(0, 40, 2))
    assert len(processor.here) == 20
