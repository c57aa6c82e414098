"""Word 97–2003 (.doc), OpenDocument text and RTF: converted to DOCX by LibreOffice when it is
installed, then read like any DOCX. Without LibreOffice: "unsupported format, convert first"."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ingest.extract import Extraction, Limits, Refused, Report
from ingest.extract.docx import DocxExtractor

CONVERT_TIMEOUT_S = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


class OfficeExtractor:
    formats = frozenset({"doc", "odt", "rtf"})

    def extract(self, path: Path, limits: Limits, report: Report | None = None) -> Extraction:
        program = soffice()
        if program is None:
            raise Refused(
                "unsupported format without LibreOffice: convert it to DOCX or PDF first",
                stage="identify",
            )
        with tempfile.TemporaryDirectory(prefix="mediarch-convert-") as tmp:
            source = Path(tmp) / ("source" + path.suffix.lower())
            shutil.copyfile(path, source)  # the original is never handed to another program
            profile = Path(tmp) / "profile"
            env = {**os.environ, "HOME": tmp}
            try:
                subprocess.run(
                    [
                        program,
                        f"-env:UserInstallation=file://{profile}",
                        "--headless",
                        "--norestore",
                        "--convert-to",
                        "docx",
                        "--outdir",
                        tmp,
                        str(source),
                    ],
                    capture_output=True,
                    timeout=CONVERT_TIMEOUT_S,
                    env=env,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                raise Refused(
                    f"LibreOffice did not convert it within {CONVERT_TIMEOUT_S} s"
                ) from None
            converted = Path(tmp) / "source.docx"
            if not converted.is_file():
                raise Refused("LibreOffice could not convert it (corrupt or not a document)")
            result = DocxExtractor().extract(converted, limits)
        result.warnings.append("converted to DOCX by LibreOffice for extraction")
        return result
