"""Each attack of issue 15, run as a child qdocgen under /usr/bin/time -v: time, peak memory, exit status, message.

    .venv/bin/python bench/bench_security.py            # every attack; exits 1 if one takes 10 s or 500 MB
    .venv/bin/python bench/bench_security.py --only lipsum,media

The hostile inputs are built in a temporary folder first (not measured). Memory is the child's maximum
resident set size as the kernel reports it (``/usr/bin/time -v``), measured from outside the process.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hostile import body, docx_bytes, linked_image, png, rebuild  # noqa: E402

QDOCGEN = Path(sys.executable).parent / "qdocgen"
MAX_SECONDS, MAX_MB = 10.0, 500.0
Attack = Callable[[Path], list[str]]


def _render(folder: Path, paragraphs: tuple[str, ...] = (), data: str = "so: 5\ntrich_yeu: Thử\n",
            raw: bytes | None = None, declaration: str | None = None, extra: tuple[str, ...] = ()) -> list[str]:
    template = folder / "mau.docx"
    template.write_bytes(raw if raw is not None else docx_bytes(*paragraphs))
    if declaration is not None:
        template.with_suffix(".yaml").write_text(declaration, encoding="utf-8")
    unit = folder / "don-vi.yaml"
    unit.write_text(data, encoding="utf-8")
    return [*extra, "render", str(unit), "-t", str(template), "-o", str(folder / "kq.docx")]


def _streamed_part(name: str, size: int, head: bytes = b"", tail: bytes = b"", fill: bytes = b"\0") -> bytes:
    """A package with a part inflating to ``size`` bytes, deflated chunk by chunk (a few MB on disk)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes("{{ so }}"))) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info.filename, src.read(info.filename))
        with dst.open(zipfile.ZipInfo(name), "w", force_zip64=True) as part:
            part.write(head)
            chunk = fill * (1 << 20)
            left = size - len(head) - len(tail)
            while left > 0:
                part.write(chunk[:left])
                left -= len(chunk)
            part.write(tail)
    return out.getvalue()


def _docm() -> bytes:
    raw = docx_bytes("{{ so }}")
    with zipfile.ZipFile(io.BytesIO(raw)) as src:
        types = src.read("[Content_Types].xml").replace(b"document.main+xml", b"document.macroEnabled.main+xml")
    return rebuild(raw, replace={"[Content_Types].xml": types}, add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"})


def _dataset(folder: Path, files: dict[str, str]) -> Path:
    data = folder / "bo"
    data.mkdir()
    for name, text in files.items():
        (data / name).write_text(text, encoding="utf-8")
    (folder / "mau.docx").write_bytes(docx_bytes("{{ trich_yeu }}"))
    return data


def _batch(folder: Path, files: dict[str, str]) -> list[str]:
    data = _dataset(folder, files)
    return ["batch", str(data), "-o", str(folder / "kq"), "-t", str(folder / "mau.docx"), "--jobs", "1"]


KEYS = "".join(f"k{i}: {i}\n" for i in range(20_000))
ATTACKS: dict[str, Attack] = {
    "ref-http": lambda f: _render(f, ("{{ so }}",), declaration='dau_vao: {"$ref": "http://127.0.0.1:9/x"}\n'),
    "ref-file": lambda f: _render(f, ("{{ so }}",), declaration='dau_vao: {"$ref": "file:///etc/passwd"}\n'),
    "a*10**10": lambda f: _render(f, ("{{ 'a' * 10**10 }}",)),
    "trich_yeu*1000": lambda f: _render(f, ("{{ trich_yeu * 1000 }}",), f"so: 5\ntrich_yeu: {'y' * 190_000}\n"),
    "range-nested": lambda f: _render(f, ("{% for i in range(10000) %}{% for j in range(10000) %}"
                                          "{% for k in range(10000) %}{% endfor %}{% endfor %}{% endfor %}",)),
    "lipsum": lambda f: _render(f, ("{{ lipsum(10**6) }}",)),
    "media-2GB": lambda f: _render(f, raw=_streamed_part("word/media/image1.png", 2 << 30)),
    "document-300MB": lambda f: _render(f, raw=_streamed_part(
        "word/document.xml", 300 << 20, b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats'
        b'.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>', b"</w:t></w:r></w:p></w:body></w:document>",
        b"a")),
    "pattern-(a|aa)+": lambda f: _render(f, ("{{ so }}",), f"so: {'a' * 100_000}b\n", declaration=(
        'dau_vao: {properties: {so: {type: string, pattern: "^(a|aa)+$"}}}\n')),
    "20000-unclosed-{%": lambda f: _render(f, raw=body(docx_bytes(), "<w:p><w:r><w:t>" + "{% " * 20_000
                                                        + "</w:t></w:r></w:p>")),
    "50000-tagged-paragraphs": lambda f: _render(f, raw=body(docx_bytes(), "<w:p><w:r><w:t>{{ so }}</w:t></w:r></w:p>"
                                                              * 50_000)),
    "ke_thua-outside": lambda f: _batch(f, {"a.yaml": "ke_thua: /etc/passwd\n",
                                            "b.yaml": "ke_thua: /proc/self/environ\n",
                                            "c.yaml": "ke_thua: ../../../etc/shadow\n"}),
    "missing-content-types": lambda f: _render(f, raw=rebuild(docx_bytes("{{ so }}"), drop=("[Content_Types].xml",))),
    "missing-styles": lambda f: _render(f, raw=rebuild(docx_bytes("{{ so }}"), drop=("word/styles.xml",))),
    "renamed-docm": lambda f: _render(f, raw=_docm()),
    "zip-slip": lambda f: _render(f, raw=rebuild(docx_bytes("{{ so }}"), add={"../../x": b"x", "/etc/y": b"y"})),
    "check-template-not-zip": lambda f: ["check-template", str(_write(f / "t.docx", b"not a zip"))],
    "check-template-utf16": lambda f: ["check-template", str(_write(f / "t.docx", rebuild(
        docx_bytes(), replace={"word/document.xml": "<w:document/>".encode("utf-16")})))],
    "lint-no-content-types": lambda f: ["lint", str(_write(f / "t.docx", rebuild(docx_bytes("x"),
                                                                               drop=("[Content_Types].xml",))))],
    "macro-recursion": lambda f: _render(f, ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",)),
    "set-0000-00-00": lambda f: _render(f, ("{{ so }}",), extra=()) + ["--set", "ngay_ban_hanh=0000-00-00"],
    "20000-inherited-keys": lambda f: _batch(f, {"_chung.yaml": KEYS, "a.yaml": "ke_thua: _chung.yaml\n" + KEYS
                                                 + "trich_yeu: X\n"}) + ["--no-lint"],
    "10MB-string": lambda f: _render(f, ("{{ trich_yeu }}",), "so: 5\ntrich_yeu: " + "a" * (10 << 20) + "\n"),
    "pdf-linked-image": lambda f: ["pdf", str(_write(f / "anh.docx", linked_image(
        docx_bytes("Văn bản"), f"file://{f}/bi-mat.png"))), "-o", str(f / "pdf")],
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def measure(name: str, attack: Attack) -> tuple[float, float, int, str]:
    """Seconds, peak MB, exit status and first message line of one attack run in a child."""
    folder = Path(tempfile.mkdtemp(prefix=f"qdocgen-attack-{re.sub(r'[^a-z0-9]+', '-', name.lower())}-"))
    try:
        (folder / "bi-mat.png").write_bytes(png())  # the local file a PDF must not embed
        args = attack(folder)
        env = dict(os.environ, LC_ALL="C.UTF-8")
        proc = subprocess.run(["/usr/bin/time", "-v", str(QDOCGEN), *args], capture_output=True, text=True,
                              env=env, timeout=120)
        stats = proc.stderr
        wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", stats)
        assert wall is not None, stats
        seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stats)
        mb = int(rss.group(1)) / 1024 if rss else float("nan")
        message = next((line for line in (proc.stderr + proc.stdout).splitlines()
                        if line.strip() and not line.startswith("\t") and "Command exited" not in line), "")
        if name == "pdf-linked-image":
            message = _pdf_images(folder / "pdf" / "anh.pdf") + " " + message
        return seconds, mb, proc.returncode, message
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _pdf_images(pdf: Path) -> str:
    if not pdf.is_file():
        return "(không có PDF)"
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout
    return f"(ảnh trong PDF: {max(0, len(listing.splitlines()) - 2)})"


def main() -> int:
    """Run the attacks and print one line each; 1 when one broke the 10 s / 500 MB bound or tracebacked."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="", help="comma-separated attack names")
    wanted = [n for n in parser.parse_args().only.split(",") if n] or list(ATTACKS)
    print(f"{'đòn tấn công':<26} {'giây':>6} {'MB':>7} {'mã':>3}  thông báo")
    bad = 0
    for name in wanted:
        if name == "pdf-linked-image" and not shutil.which("soffice"):
            print(f"{name:<26} bỏ qua: chưa cài LibreOffice")
            continue
        seconds, mb, code, message = measure(name, ATTACKS[name])
        ok = seconds < MAX_SECONDS and mb < MAX_MB and "Traceback" not in message
        bad += not ok
        print(f"{name:<26} {seconds:6.2f} {mb:7.1f} {code:>3}  {'' if ok else 'QUÁ GIỚI HẠN: '}{message[:110]}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
