"""Period labels and ranges for --by timelines."""

from datetime import date, datetime

from newsgrep.rank.facets import period_label, period_range


def test_week_and_day_labels():
    assert period_label(datetime(2001, 11, 22), "week") == "2001-W47"
    assert period_label(datetime(2001, 11, 22), "day") == "2001-11-22"
    assert period_label(date(2004, 1, 1), "week") == "2004-W01"
    assert period_label(date(2010, 1, 3), "week") == "2009-W53"  # ISO year, not calendar year
    assert period_range("2001-11", "2002-02", "month") == [
        "2001-11",
        "2001-12",
        "2002-01",
        "2002-02",
    ]
    assert period_range("2009-W52", "2010-W02", "week") == [
        "2009-W52",
        "2009-W53",
        "2010-W01",
        "2010-W02",
    ]
    assert period_range("2004-02-28", "2004-03-01", "day") == [
        "2004-02-28",
        "2004-02-29",
        "2004-03-01",
    ]
