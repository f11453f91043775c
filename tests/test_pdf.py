"""PDF through LibreOffice: the district decision read back with pdftotext, a batch, failures, hangs, fonts.

The real LibreOffice runs twice here (the batch, and a file refused before it); the rest of the
orchestration (profiles, time limits, retries, messages) runs against a fake ``soffice`` put first on PATH.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pikepdf
import pytest
from conftest import DATASET, WARDS, run, soffice
from hostile import docx_bytes

from qdocgen.pdf import PdfError, convert
from qdocgen.pdf.pdfa import check_pdfa

FAKE_SOFFICE = """#!{python}
# A stand-in for LibreOffice: logs each start; "hang" in a name hangs, "bad" fails, "none" makes no PDF.
import json, os, sys, time
args = sys.argv[1:]
profile = next(a for a in args if a.startswith("-env:UserInstallation="))
out = args[args.index("--outdir") + 1]
files = [a for a in args if a.endswith(".docx")]
with open({log!r}, "a") as log:
    log.write(json.dumps({{"profile": profile, "files": [os.path.basename(f) for f in files]}}) + "\\n")
for f in files:
    name = os.path.basename(f)
    if "hang" in name:
        time.sleep(60)
    if "bad" in name:
        print("Error: source file could not be loaded")
        continue
    if "none" in name:
        continue
    with open(os.path.join(out, name[:-5] + ".pdf"), "wb") as pdf:
        pdf.write(TINY_PDF)
"""
# A real one-page PDF, but plain PDF 1.4 (no XMP, no output intent): the PDF/A-2b check must refuse it.
TINY_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
            b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n"
            b"%%EOF\n")


def _pdftotext(path: Path, *pages: int) -> str:
    first_last = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    text = subprocess.run(["pdftotext", *first_last, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return re.sub(r"\s+", " ", text)


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def pdf_batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    soffice()
    out = tmp_path_factory.mktemp("pdf-batch")
    result = run("batch", DATASET, "-o", out, "--pdf", "--o-ky")
    assert result.exit_code == 0, result.output + result.stderr
    assert "11 PDF, 0 PDF lỗi" in result.output and "không đạt" not in result.output
    return out


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake soffice first on PATH; returns its log (one JSON line per start)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "starts.log"
    script = bin_dir / "soffice"
    script.write_text(FAKE_SOFFICE.format(python=sys.executable, log=str(log)).replace(
        "TINY_PDF", repr(TINY_PDF)))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    monkeypatch.setattr("qdocgen.pdf.pool.usable", lambda soffice: False)  # the fake has no UNO: groups per start
    return log


def _starts(log: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


_MINIMAL_DOCX = docx_bytes("Văn bản")


def _docx(folder: Path, *names: str) -> list[Path]:
    """Minimal Word packages (what qdocgen checks before giving a file to LibreOffice)."""
    folder.mkdir(exist_ok=True)
    paths = []
    for name in names:
        path = folder / f"{name}.docx"
        path.write_bytes(_MINIMAL_DOCX)  # a real package: qdocgen checks it before LibreOffice sees it
        paths.append(path)
    return paths


# --- with the real LibreOffice ---------------------------------------------------------------------------

def test_batch_with_pdf_gives_eleven_pdfs_beside_the_docx(pdf_batch: Path) -> None:
    stems = sorted(["quan-binh-tan", *WARDS])
    assert sorted(p.stem for p in pdf_batch.glob("*.pdf")) == stems
    assert sorted(p.stem for p in pdf_batch.glob("*.docx")) == stems
    for pdf in pdf_batch.glob("*.pdf"):
        assert pdf.read_bytes().startswith(b"%PDF-")
    manifest = json.loads((pdf_batch / "manifest.json").read_text(encoding="utf-8"))
    assert {u["ma_don_vi"]: u["pdf"] for u in manifest["don_vi"]} == {s: f"{s}.pdf" for s in stems}
    for unit in manifest["don_vi"]:
        assert unit["pdf_a"].startswith("đạt PDF/A-2b; phông: "), unit["pdf_a"]
        assert "ô ký: ChuKyNguoiKy, ChuKyCoQuan" in unit["pdf_a"]


def test_demo_pdfs_pass_pdfa_2b_with_the_documents_metadata(pdf_batch: Path) -> None:
    for pdf in sorted(pdf_batch.glob("*.pdf")):
        assert check_pdfa(pdf) == [], pdf.name
        with pikepdf.open(pdf) as document:
            meta = document.open_metadata()
            assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
            assert meta["dc:title"].startswith("Về việc ban hành Mục tiêu chất lượng")
            assert str(document.docinfo["/Title"]) == meta["dc:title"]
            assert str(document.Root.Lang) == "vi-VN"
            assert document.Root.OutputIntents[0].S == "/GTS_PDFA1"
            assert not document.is_encrypted
    with pikepdf.open(pdf_batch / "quan-binh-tan.pdf") as document:
        assert str(document.docinfo["/Author"]) == "Ủy ban nhân dân quận Bình Tân"
        assert str(document.docinfo["/Subject"]) == "Quyết định số 784/QĐ-UBND"
    with pikepdf.open(pdf_batch / "phuong-tan-tao.pdf") as document:
        assert str(document.docinfo["/Author"]) == "Ủy ban nhân dân phường Tân Tạo"


def test_fonts_are_embedded_and_a_stand_in_is_said(pdf_batch: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(pdf_batch / "quan-binh-tan.pdf")], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column
    names = " ".join(line.split()[0] for line in fonts)
    manifest = json.loads((pdf_batch / "manifest.json").read_text(encoding="utf-8"))
    record = next(u["pdf_a"] for u in manifest["don_vi"] if u["ma_don_vi"] == "quan-binh-tan")
    if "TimesNewRoman" in names:
        assert "phông: Times New Roman" in record and "thay" not in record
    else:
        assert "LiberationSerif" in names
        assert "phông: Liberation Serif" in record and "dùng Liberation Serif thay Times New Roman" in record


def _words(pdf: Path, page: int) -> tuple[float, list[tuple[str, float, float, float, float]]]:
    """The page's height and its words (text, xMin, yMin, xMax, yMax from the top left), by pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))  # type: ignore[union-attr]
    words = [(m.group(5), *(float(m.group(i)) for i in range(1, 5))) for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]
    return height, words  # type: ignore[return-value]


def _fields(pdf: Path) -> dict[str, tuple[int, list[float]]]:
    with pikepdf.open(pdf) as document:
        found = {}
        for number, page in enumerate(document.pages, 1):
            for annot in page.get("/Annots", []):
                if annot.get("/FT") == "/Sig":
                    found[str(annot.T)] = (number, [float(v) for v in annot.Rect])
                    assert int(annot.F) & 4 and "/N" in annot.AP  # printable, with an appearance (PDF/A)
        return found


def test_each_decision_has_the_two_signature_fields_between_title_and_name(pdf_batch: Path) -> None:
    for pdf in sorted(pdf_batch.glob("*.pdf")):
        fields = _fields(pdf)
        assert set(fields) == {"ChuKyNguoiKy", "ChuKyCoQuan"}, pdf.name
        (page, signer), (seal_page, seal) = fields["ChuKyNguoiKy"], fields["ChuKyCoQuan"]
        assert page == seal_page == 2, pdf.name  # the page with «Nơi nhận» and the signature block
        height, words = _words(pdf, page)
        title = max((w for w in words if w[0] == "TỊCH" and w[1] > 350), key=lambda w: w[4])
        below = [w for w in words if w[1] > 350 and w[2] > title[4]]  # the right column
        name_top = min((w[2] for w in below), default=title[4] + 62)  # the wards' drafts are not named yet
        name = [w for w in words if w[2] == name_top] or [title]
        # PDF coordinates grow upwards: the field sits below the title's bottom and above the name's top.
        assert height - title[4] >= signer[3] > signer[1] >= height - name_top, pdf.name
        assert signer[3] - signer[1] >= 40 and signer[2] - signer[0] >= 80  # room for a signature image
        centre = (signer[0] + signer[2]) / 2
        assert min(w[1] for w in name) - 30 < centre < max(w[3] for w in name) + 30  # above the name
        third = signer[0] + (signer[2] - signer[0]) / 3
        assert seal[0] < signer[0] < seal[2] and abs(seal[2] - third) <= 1.5  # covers the left third
        assert seal[1] < signer[3] and seal[3] > signer[1]  # at the same height
        assert not any(seal[0] < w[3] and w[1] < seal[2] and height - w[4] < seal[3] and height - w[2] > seal[1]
                       for w in words), pdf.name  # no word under the seal: between title and name


def test_the_signature_field_can_be_signed_and_a_screenshot_shows_the_fields(pdf_batch: Path,
                                                                            tmp_path: Path) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers
    from pyhanko.sign.validation import validate_pdf_signature

    key, cert = _throwaway_certificate(tmp_path)
    signer = signers.SimpleSigner.load(str(key), str(cert))
    assert signer is not None
    signed = tmp_path / "da-ky.pdf"
    with (pdf_batch / "quan-binh-tan.pdf").open("rb") as source, signed.open("wb") as out:
        signers.sign_pdf(IncrementalPdfFileWriter(source), signers.PdfSignatureMetadata(
            field_name="ChuKyNguoiKy"), signer=signer, output=out)
    with signed.open("rb") as handle:
        (signature,) = PdfFileReader(handle).embedded_signatures
        assert signature.field_name == "ChuKyNguoiKy"
        status = validate_pdf_signature(signature)
        assert status.intact and status.valid  # (not trusted: a throwaway certificate)
    shot = _screenshot(pdf_batch / "quan-binh-tan.pdf", tmp_path)
    assert shot.stat().st_size > 5000


def _throwaway_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed RSA certificate made for the test only, as PEM files."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Lê Văn Thinh (thử)")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(private.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(private, hashes.SHA256()))
    key_path, cert_path = folder / "key.pem", folder / "cert.pem"
    key_path.write_bytes(private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def _screenshot(pdf: Path, folder: Path) -> Path:
    """Page 2 as PNG with the signature fields' rectangles drawn (empty fields show nothing by themselves)."""
    marked = folder / "o-ky.pdf"
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            boxes = [[float(v) for v in a.Rect] for a in page.get("/Annots", []) if a.get("/FT") == "/Sig"]
            if boxes:
                ops = "".join(f"{x0} {y0} {x1 - x0} {y1 - y0} re S " for x0, y0, x1, y1 in boxes)
                page.contents_add(document.make_stream(f"q 1 0 0 RG 1.5 w {ops}Q".encode()))
        document.save(marked)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", "-singlefile", str(marked),
                    str(folder / "o-ky")], check=True)
    shot = folder / "o-ky.png"
    shutil.copy(shot, Path(tempfile.gettempdir()) / "qdocgen-o-ky.png")  # kept to look at after the run
    return shot


def test_district_pdf_text_header_date_articles_table_signature(pdf_batch: Path) -> None:
    text = _pdftotext(pdf_batch / "quan-binh-tan.pdf")
    for expected in [
        "ỦY BAN NHÂN DÂN", "QUẬN BÌNH TÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 784/QĐ-UBND", "Bình Tân, ngày 27 tháng 02 năm 2019",
        "Về việc ban hành Mục tiêu chất lượng trong phạm vi áp dụng Hệ thống quản lý chất lượng",
        "Căn cứ Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Điều 1. Ban hành kèm theo Quyết định này", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 3. Trưởng Ban Chỉ đạo ISO quận", "Nơi nhận:", "- Lưu: VT, NV (T).",
        "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "Lê Văn Thinh",
        "MỤC TIÊU CHẤT LƯỢNG", "“VÌ NHÂN DÂN PHỤC VỤ”", "STT Mục tiêu",
    ]:
        assert expected in text, expected
    header = text[text.index("STT Mục tiêu"):]
    for word in ("Cơ quan, đơn vị", "Phương pháp", "Biện pháp thực hiện"):  # cells wrap in their columns
        assert word in header[:200], word


def test_district_pdf_pages_decision_then_appendix(pdf_batch: Path) -> None:
    pdf = pdf_batch / "quan-binh-tan.pdf"
    assert _pages(pdf) == 5
    assert "Lê Văn Thinh" in _pdftotext(pdf, 2)
    assert "MỤC TIÊU CHẤT LƯỢNG" not in _pdftotext(pdf, 1, 2)
    assert "MỤC TIÊU CHẤT LƯỢNG" in _pdftotext(pdf, 3)
    appendix = _pdftotext(pdf, 3)
    assert "≥98%" in appendix and "Thu xếp nguồn nhân lực và đề xuất cơ sở vật chất" in appendix


def test_unconvertible_file_is_reported_and_the_others_still_convert(pdf_batch: Path, tmp_path: Path) -> None:
    good = tmp_path / "tot.docx"
    good.write_bytes((pdf_batch / "phuong-an-lac.docx").read_bytes())
    broken = tmp_path / "hong.docx"  # a Word package on the outside, its body not XML: LibreOffice gives up
    with zipfile.ZipFile(broken, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<<< not xml")
    report = convert([broken, good], tmp_path / "pdf", jobs=1)
    assert report.converted == {good: tmp_path / "pdf" / "tot.pdf"}
    assert "Phường An Lạc".upper() in _pdftotext(tmp_path / "pdf" / "tot.pdf").upper()
    assert list(report.failed) == [broken]
    # Refused before LibreOffice (issue 15: a file that is not a Word package never reaches it).
    assert "không phải văn bản Word .docx" in report.failed[broken]
    assert report.starts <= 1  # one LibreOffice (none started when the batch's resident one already runs)
    assert not report.ok


# --- the orchestration, against a fake soffice ----------------------------------------------------------

def test_many_files_go_in_one_start_with_its_own_profile(fake: Path, tmp_path: Path) -> None:
    paths = _docx(tmp_path / "in", *[f"don-vi-{i}" for i in range(11)])
    report = convert(paths, jobs=1)
    assert not report.failed and len(report.converted) == 11 and report.starts == 1
    assert all(report.converted[p] == p.with_suffix(".pdf") and p.with_suffix(".pdf").is_file() for p in paths)
    starts = _starts(fake)
    assert len(starts) == 1 and len(starts[0]["files"]) == 11  # type: ignore[arg-type]


def test_one_libreoffice_per_core_each_with_its_own_profile_sharing_the_files(fake: Path, tmp_path: Path) -> None:
    paths = _docx(tmp_path / "in", *[f"don-vi-{i:02}" for i in range(22)])
    report = convert(paths, jobs=2)
    assert len(report.converted) == 22 and report.starts == 2
    starts = _starts(fake)
    shares = [set(s["files"]) for s in starts]  # type: ignore[arg-type]
    assert [len(s) for s in shares] == [11, 11] and not shares[0] & shares[1]
    assert shares[0] | shares[1] == {p.name for p in paths}
    assert len({s["profile"] for s in starts}) == 2


def test_a_plain_pdf_is_reported_never_passed_as_pdfa(fake: Path, tmp_path: Path) -> None:
    (path,) = _docx(tmp_path, "thuong")
    report = convert([path])
    assert report.converted == {path: path.with_suffix(".pdf")}  # a readable PDF is written...
    assert not report.ok and list(report.not_pdfa) == [path]  # ...but said not to be PDF/A-2b
    assert "không khai PDF/A-2b" in report.not_pdfa[path] and "thiếu OutputIntents" in report.not_pdfa[path]
    result = run("pdf", path, "--force")
    assert result.exit_code == 7
    assert "KHÔNG đạt PDF/A-2b" in result.stderr and "1 không đạt PDF/A-2b" in result.output


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "tệp rỗng"),
    ("Quyết định số 1\n".encode(), "không phải văn bản Word"),
    (None, "thiếu word/document.xml"),
])
def test_what_is_not_a_word_document_is_refused_before_libreoffice(fake: Path, tmp_path: Path,
                                                                   content: bytes | None, expected: str) -> None:
    path = tmp_path / "gia.docx"
    if content is None:
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("hello.txt", "hi")
    else:
        path.write_bytes(content)
    result = run("pdf", path)
    assert result.exit_code == 7
    assert f"Không có PDF cho {path}" in result.stderr and expected in result.stderr
    assert not path.with_suffix(".pdf").exists() and _starts(fake) == []


def test_a_hung_start_is_killed_the_file_retried_once_and_the_rest_still_converted(fake: Path,
                                                                                     tmp_path: Path) -> None:
    first, hung, last = _docx(tmp_path / "in", "a-truoc", "b-hang", "c-sau")
    report = convert([first, hung, last], tmp_path / "out", timeout=1, jobs=1)
    assert set(report.converted) == {first, last}
    assert list(report.failed) == [hung]
    assert "bị treo, quá thời hạn 1 giây" in report.failed[hung] and "đã thử 2 lần" in report.failed[hung]
    starts = _starts(fake)
    assert [s["files"] for s in starts] == [["a-truoc.docx", "b-hang.docx", "c-sau.docx"], ["c-sau.docx"],
                                            ["b-hang.docx"]]
    assert len({s["profile"] for s in starts}) == 3  # never two starts on one profile folder


def test_zero_pdfs_is_never_a_silent_success(fake: Path, tmp_path: Path) -> None:
    paths = _docx(tmp_path, "none-1", "none-2")
    result = run("pdf", *paths)
    assert result.exit_code == 7
    assert "0 PDF đã ghi, 2 lỗi" in result.output
    assert result.stderr.count("Không có PDF cho") == 2
    tried = [f for start in _starts(fake) for f in start["files"]]  # type: ignore[attr-defined]
    assert sorted(tried) == ["none-1.docx", "none-1.docx", "none-2.docx", "none-2.docx"]  # each tried twice


def test_existing_pdf_is_not_overwritten_without_force(fake: Path, tmp_path: Path) -> None:
    (path,) = _docx(tmp_path, "cu")
    path.with_suffix(".pdf").write_bytes(b"old")
    os.utime(path.with_suffix(".pdf"), (1, 1))  # older than its .docx: stale, yet not overwritten without --force
    report = convert([path])
    assert "--force" in report.failed[path] and path.with_suffix(".pdf").read_bytes() == b"old"
    assert _starts(fake) == []
    os.utime(path.with_suffix(".pdf"))  # newer than its .docx: a re-run keeps it, no failure (issue 23)
    again = convert([path])
    assert again.kept == {path: path.with_suffix(".pdf")} and not again.failed and again.exit_code == 0
    assert convert([path], force=True).converted == {path: path.with_suffix(".pdf")}
    assert path.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")


def test_missing_times_new_roman_warns_once_naming_liberation_serif(fake: Path, tmp_path: Path) -> None:
    fc_list = fake.parent / "bin" / "fc-list"
    fc_list.write_text("#!/bin/sh\ncase \"$1\" in *Liberation*) echo 'Liberation Serif';; esac\n")
    fc_list.chmod(0o755)
    report = convert(_docx(tmp_path / "in", "a", "b", "c"))
    assert len(report.warnings) == 1
    assert "Times New Roman" in report.warnings[0] and "Liberation Serif" in report.warnings[0]
    assert "ttf-mscorefonts-installer" in report.warnings[0]


def test_missing_libreoffice_says_how_to_install_and_writes_nothing(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    (path,) = _docx(tmp_path, "x")
    with pytest.raises(PdfError) as caught:
        convert([path])
    assert caught.value.exit_code == 7
    for args in (["pdf", path], ["batch", DATASET, "-o", tmp_path / "out", "--pdf"]):
        result = run(*args)
        assert result.exit_code == 7, result.output
        assert "Không tìm thấy LibreOffice" in result.stderr
        assert "apt-get install -y libreoffice-writer-nogui" in result.stderr
    assert not (tmp_path / "out").exists()
    assert run("batch", DATASET, "-o", tmp_path / "out").exit_code == 0  # without --pdf nothing else breaks


def test_o_ky_without_pdf_is_a_usage_error(tmp_path: Path) -> None:
    result = run("batch", DATASET, "-o", tmp_path / "out", "--o-ky")
    assert result.exit_code == 2 and "--o-ky thêm ô ký vào tệp PDF: dùng kèm --pdf." in result.stderr
    assert not (tmp_path / "out").exists()


def test_render_pdf_records_the_issuing_body_as_author(fake: Path, tmp_path: Path) -> None:
    result = run("render", DATASET / "quan-binh-tan.yaml", "-o", tmp_path / "qd.docx", "--pdf")
    assert result.exit_code == 7  # the fake LibreOffice writes plain PDF: reported, not passed as PDF/A
    assert "KHÔNG đạt PDF/A-2b" in result.stderr
    with pikepdf.open(tmp_path / "qd.pdf") as document:
        assert str(document.docinfo["/Author"]) == "Ủy ban nhân dân quận Bình Tân"
        assert str(document.docinfo["/Subject"]) == "Quyết định số 784/QĐ-UBND"
        assert str(document.docinfo["/Title"]).startswith("Về việc ban hành Mục tiêu chất lượng")
        assert str(document.Root.Lang) == "vi-VN"
