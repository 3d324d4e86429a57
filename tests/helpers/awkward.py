"""Stories a spreadsheet finds awkward: commas, quotes and line breaks, a
formula for a headline, Cyrillic and guillemets (the --csv tests)."""

from __future__ import annotations

import json
from pathlib import Path

AWKWARD_STORIES = [
    {
        "id": "quotes",
        "title": 'Allies say "no", then yes',
        "date": "2002-05-28",
        "source": "Reuters",
        "authors": ["Jane Doe", "John Roe"],
        "text": "NATO allies said no.\n\nThen, a day later, they said yes; the talks went on.",
    },
    {
        "id": "formula",
        "title": '=HYPERLINK("http://evil.example","click")\nSecond line',
        "date": "2002-05-29",
        "source": "AP",
        "text": "Путин and NATO: the alliance met again, «twice».",
    },
]


def write_awkward_feed(path: Path) -> Path:
    """The stories as a JSON Lines file at ``path``."""
    path.write_text(
        "\n".join(json.dumps(story, ensure_ascii=False) for story in AWKWARD_STORIES), "utf-8"
    )
    return path
