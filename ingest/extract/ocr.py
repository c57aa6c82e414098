"""OCR with tesseract (`ara+eng`), for scanned pages and images. Optional: without tesseract
the page is flagged "needs OCR" and the record still goes in."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

from PIL import Image

LANGUAGES = "ara+eng"
TIMEOUT_S = 180


def available() -> bool:
    return shutil.which("tesseract") is not None


def read_image(image: Image.Image) -> str:
    """The text tesseract reads on an image (300 dpi expected), repaired later like any other."""
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    result = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", LANGUAGES, "--psm", "3"],
        input=buffer.getvalue(),
        capture_output=True,
        env=env,
        timeout=TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr.decode("utf-8", "replace").strip() or "tesseract failed")
    return result.stdout.decode("utf-8", "replace")
