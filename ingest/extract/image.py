"""Scanned images (TIFF, JPEG, PNG): each frame read by OCR; without tesseract the record goes
in flagged "needs OCR". Pillow's pixel limit refuses decompression bombs."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from ingest.extract import Extraction, Limits, Refused, Report, ocr


class ImageExtractor:
    formats = frozenset({"image"})

    def extract(self, path: Path, limits: Limits, report: Report | None = None) -> Extraction:
        result = Extraction(pages=[])
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(path) as image:
                    for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                        if number > limits.max_pages:
                            raise Refused(f"too many pages (the limit is {limits.max_pages})")
                        if not limits.ocr or not ocr.available():
                            result.needs_ocr.append(number)
                            result.pages.append("")
                            continue
                        result.ocr_pages.append(number)
                        result.pages.append(ocr.read_image(frame.copy()))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise Refused(f"decompression bomb: {exc}") from None
        except (UnidentifiedImageError, OSError, SyntaxError) as exc:
            raise Refused(f"corrupt image: {exc}") from None
        return result
