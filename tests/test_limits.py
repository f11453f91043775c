"""``limits.deadline`` outside the main thread (a web server's worker): the sandbox's loops and calls stop on time."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from qdocgen import limits
from qdocgen.environment import compile_text

NESTED = "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}x"
OVER_DATA = "{% for a in ds %}{% for b in ds %}{% for c in ds %}{% endfor %}{% endfor %}{% endfor %}"


def _in_thread(source: str, data: dict[str, Any]) -> tuple[BaseException | str, float]:
    out: list[Any] = []

    def work() -> None:
        began = time.monotonic()
        try:
            with limits.deadline(0.5, "quá 0,5 giây"):
                out.append(compile_text(source).render(data))
        except limits.LimitError as exc:
            out.append(exc)
        out.append(time.monotonic() - began)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "the deadline did not stop the loop"
    return out[0], out[1]


@pytest.mark.parametrize(("source", "data"), [(NESTED, {}), (OVER_DATA, {"ds": list(range(3000))})],
                         ids=["range", "data"])
def test_loops_in_a_worker_thread_stop_at_the_deadline(source: str, data: dict[str, Any]) -> None:
    result, took = _in_thread(source, data)
    assert isinstance(result, limits.LimitError) and str(result) == "quá 0,5 giây"
    assert took < 5


def test_short_loops_keep_their_length_and_finish() -> None:
    result, _took = _in_thread("{% for i in range(3) %}{{ loop.index }}/{{ loop.length }}"
                               "{% if loop.last %}.{% endif %} {% endfor %}{% for x in ds %}{{ x }}{% endfor %}",
                               {"ds": list(range(300))})
    assert isinstance(result, str) and result.startswith("1/3 2/3 3/3. 012") and result.endswith("299")


def test_no_deadline_outside_the_block() -> None:
    limits.check_time()  # nothing pending: no error
