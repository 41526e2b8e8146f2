"""No date picker on any page offers a day outside the range the app can store (1970-2100)."""

from followup.sample import load_sample
from followup.validation import EARLIEST_DATE, LATEST_DATE
from tests.pages.conftest import PAGES


def test_every_date_picker_stays_within_the_range(app, store):
    load_sample(store)
    seen = 0
    for page in PAGES:
        app.switch_page(page).run()
        for picker in app.date_input:
            assert EARLIEST_DATE <= picker.min <= picker.max <= LATEST_DATE, (page, picker.label)
            seen += 1
    # The close-the-interview, plan and outcome pages each show pickers with the sample.
    assert seen >= 4
