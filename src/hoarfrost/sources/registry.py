"""Which reader reads which file: format detection from content, and the list of readers.

Detection reads the first 64 KiB of each file and asks each reader's `sniff`
in turn; the order below puts the most specific formats first. `--format`
skips detection.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from hoarfrost.errors import ListFileError, UnknownFormatError
from hoarfrost.sources.au_dfat import AuDfatXlsxReader
from hoarfrost.sources.base import ListReader, ReadReport, SourceFile
from hoarfrost.sources.ca_sema import CaSemaXmlReader
from hoarfrost.sources.ch_seco import ChSecoXmlReader
from hoarfrost.sources.eu_fsf import EuFsfXmlReader
from hoarfrost.sources.files import expand_file, list_files
from hoarfrost.sources.ftm import FtmJsonReader
from hoarfrost.sources.ofac_advanced_xml import OfacAdvancedXmlReader
from hoarfrost.sources.ofac_csv import OfacCsvReader
from hoarfrost.sources.ofac_enhanced_xml import OfacEnhancedXmlReader
from hoarfrost.sources.ofac_sdnlist_xml import OfacSdnListXmlReader
from hoarfrost.sources.uk_fcdo import UkFcdoXmlReader
from hoarfrost.sources.uk_ofsi import UkOfsiCsvReader, UkOfsiXlsxReader
from hoarfrost.sources.un_sc import UnScXmlReader
from hoarfrost.sources.us_csl import UsCslCsvReader

READERS: tuple[type[ListReader], ...] = (
    UnScXmlReader,
    OfacSdnListXmlReader,
    OfacAdvancedXmlReader,
    OfacEnhancedXmlReader,
    OfacCsvReader,
    EuFsfXmlReader,
    UkFcdoXmlReader,
    UkOfsiXlsxReader,
    UkOfsiCsvReader,
    ChSecoXmlReader,
    AuDfatXlsxReader,
    CaSemaXmlReader,
    UsCslCsvReader,
    FtmJsonReader,
)
FORMATS: dict[str, type[ListReader]] = {reader.format: reader for reader in READERS}
# Formats whose list is a set of files read together (sdn.csv with alt.csv, add.csv, ...).
MULTI_FILE_FORMATS = frozenset({OfacCsvReader.format})


def reader_for_format(name: str) -> type[ListReader]:
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise UnknownFormatError(name, f"unknown format; known formats: {known}") from None


def detect_format(file: SourceFile) -> type[ListReader] | None:
    """The reader whose format the file's content matches, or None."""
    head = file.head()
    for reader in READERS:
        if reader.sniff(file, head):
            return reader
    return None


def open_list(paths: Sequence[Path], report: ReadReport, format: str | None = None) -> ListReader:
    """A reader over the given paths, read as one snapshot of one publisher's list.

    Files named explicitly must be recognised; unrecognised files found inside
    a folder are skipped with a warning (a README beside the list is fine).
    """
    forced = reader_for_format(format) if format else None
    chosen: type[ListReader] | None = forced
    files: list[SourceFile] = []
    for path, explicit in list_files(paths):
        for file in expand_file(path):
            if explicit and not file.head(4096).strip():
                raise ListFileError(file.name, "the file is empty")
            reader = forced or detect_format(file)
            if reader is None:
                if explicit:
                    raise UnknownFormatError(file.name, _unknown_hint(file))
                report.warn(f"skipped {file.name}: not a list format hoarfrost knows")
                continue
            if chosen is not None and reader is not chosen:
                raise ListFileError(
                    file.name, f"is {reader.format} but the other files are {chosen.format}; load them separately"
                )
            chosen = reader
            files.append(file)
    if chosen is None or not files:
        raise UnknownFormatError(", ".join(str(p) for p in paths), "no file in a list format hoarfrost knows")
    return chosen(files, report)


def _unknown_hint(file: SourceFile) -> str:
    head = file.head(512)
    if not head.strip():
        return "the file is empty"
    return "not a list format hoarfrost knows (use --format to force one)"
