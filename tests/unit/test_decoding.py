import codecs

import pytest

from newsgrep.readers.decoding import NotText, decode

TEXT = "Schröder met Putin in Moscow — “talks”"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
    ],
)
def test_unicode_forms_decode_to_the_same_text(data):
    assert decode(data) == TEXT


def test_cp1252_falls_back_without_crashing():
    assert decode("Schröder said “no”".encode("cp1252")) == "Schröder said “no”"


def test_mixed_utf8_and_cp1252_lines_each_decode():
    data = "Schröder\n".encode() + "Gerhard Schröder\n".encode("cp1252")
    assert decode(data) == "Schröder\nGerhard Schröder\n"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    assert decode(b"caf\xe9 \x81") == "café \x81"


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04" + bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\xff" * 100,
        b"Text with one NUL\x00 inside.\n",
    ],
)
def test_binary_data_is_refused_not_decoded_as_latin1(data):
    with pytest.raises(NotText):
        decode(data)


def test_control_bytes_without_a_nul_are_text():
    """ripgrep's rule: only a NUL byte makes data binary (issue 14); control
    bytes are removed later, when the text is cleaned."""
    assert decode(b"Signed\x02\x02\x02 off\n") == "Signed\x02\x02\x02 off\n"
