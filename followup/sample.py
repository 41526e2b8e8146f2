"""Realistic sample data, so a newcomer sees the app alive at once.

Dates are relative to today, so something is always due, overdue or waiting.
Loading twice adds nothing: an application whose company and role already
exist is skipped.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import date, datetime, time, timedelta

from followup import cadence, clock, letters, validation
from followup.errors import UnknownCountry
from followup.model import (
    Action,
    ActionKind,
    ActionStatus,
    Application,
    ApplicationBundle,
    AttemptOutcome,
    CallsWelcome,
    Channel,
    DebriefNotes,
    FieldPace,
    Formality,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    LetterStatus,
    Settings,
    Status,
)
from followup.store import Store
from followup.timeline_words import decision_date


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0))


def _weekday(day: date) -> date:
    """People are interviewed on weekdays: a Saturday or Sunday moves back to the Friday."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def curated(today: date) -> list[ApplicationBundle]:
    """Eight applications at different stages; one panel of three with full notes."""
    ago = lambda days: _weekday(today - timedelta(days=days))  # noqa: E731
    panel = [
        (
            Interviewer(
                0,
                "Priya Raman",
                "Head of Analytics",
                "priya.raman@northwind.example",
                "+1 415 555 0142",
                salutation="Ms.",
            ),
            DebriefNotes(
                0,
                liked="the churn dashboard I rebuilt for my last team",
                topics="self-serve reporting for the sales team",
                concerns="whether I have used dbt in production",
                concern_answer="I ran dbt in production for two years, with tests on every model.",
                answer_to_amend="the warehouse migration question: undersold it",
                amended_answer="the migration I led moved 40 TB, not 4, without downtime",
                to_stress="look up their BI roadmap; stress my experience training non-technical colleagues",
                rapport="she is training for the Chicago marathon",
                samples="the slides from my talk on the churn dashboard",
            ),
        ),
        (
            Interviewer(
                0,
                "Tomás Ortega",
                "Senior Data Engineer",
                "tomas.ortega@northwind.example",
                "",
                salutation="Mr.",
            ),
            DebriefNotes(
                0,
                liked="my answer on testing data pipelines",
                topics="data quality checks and on-call",
                concerns="I have not used Airflow, only Dagster",
                concern_answer="I learned Dagster in three weeks, and its ideas carry over to Airflow directly.",
                answer_to_amend="forgot to mention the alerting",
                amended_answer="I also set up the alerting that flags late data within an hour",
                rapport="we both started out in physics",
            ),
        ),
        (
            Interviewer(
                0, "Grace Liu", "HR Business Partner", "", "+1 415 555 0199", Channel.PHONE, salutation="Ms."
            ),
            DebriefNotes(
                0,
                liked="that I mentor junior analysts",
                topics="team culture and hybrid work",
                concerns="my notice period of six weeks",
                concern_answer="I can start within four weeks if needed.",
                rapport="her team's Friday book club",
            ),
        ),
    ]
    first_round = Interview(
        0,
        _at(ago(15), 10),
        round=1,
        format="video",
        decision_timeline="Second round within two weeks",
        next_steps="A panel interview with the team",
        second_round="Yes, with three people",
        calls_welcome=CallsWelcome.YES,
    )
    second_round = Interview(
        0,
        _at(ago(1), 14),
        round=2,
        format="in person",
        decision_by=decision_date("A decision by the end of next week", ago(1)),
        decision_timeline="A decision by the end of next week",
        next_steps="Reference checks, then an offer",
        second_round="This was the last round",
        anything_else="Two references",
        qualifications_view="Strong on analysis; they want to see more engineering depth",
        calls_welcome=CallsWelcome.YES,
        preferred_channel=Channel.EMAIL,
    )
    hiring_manager = lambda name, title, email, phone="", salutation="": [  # noqa: E731
        (Interviewer(0, name, title, email, phone, salutation=salutation), None)
    ]
    return [
        ApplicationBundle(
            Application(
                "Northwind Analytics",
                "Data Analyst",
                job_link="https://northwind.example/jobs/data-analyst",
                created_at=_at(ago(30), 9),
            ),
            [
                (
                    first_round,
                    hiring_manager("Priya Raman", "Head of Analytics", "priya.raman@northwind.example"),
                ),
                (second_round, panel),
            ],
        ),
        ApplicationBundle(
            Application(
                "Bluebird Accounting LLP",
                "Staff Accountant",
                FieldPace.RELAXED,
                Formality.FORMAL,
                Status.WAITING,
                handwritten_note=True,
                created_at=_at(ago(25), 9),
            ),
            [
                (
                    Interview(0, _at(ago(9), 9), format="in person", calls_welcome=CallsWelcome.YES),
                    hiring_manager(
                        "Margaret Okafor", "Controller", "m.okafor@bluebird.example", "+1 212 555 0110", "Ms."
                    ),
                )
            ],
        ),
        ApplicationBundle(
            Application(
                "Summit Sales Co",
                "Account Executive",
                FieldPace.AGGRESSIVE,
                Formality.CASUAL,
                created_at=_at(ago(12), 9),
            ),
            [
                (
                    Interview(
                        0,
                        _at(ago(4), 11),
                        format="phone",
                        calls_welcome=CallsWelcome.YES,
                        preferred_channel=Channel.PHONE,
                    ),
                    hiring_manager(
                        "Jake Brennan",
                        "Regional Sales Director",
                        "jake@summitsales.example",
                        "+1 303 555 0177",
                    ),
                )
            ],
        ),
        ApplicationBundle(
            Application(
                "Harbor Health",
                "Project Coordinator",
                FieldPace.STANDARD,
                Formality.FORMAL,
                Status.WAITING,
                created_at=_at(ago(35), 9),
            ),
            [
                (
                    Interview(
                        0, _at(ago(12), 15), format="video", decision_by=ago(5), calls_welcome=CallsWelcome.NO
                    ),
                    hiring_manager("Dr. Amina Yusuf", "Programme Director", "a.yusuf@harborhealth.example"),
                )
            ],
        ),
        ApplicationBundle(
            Application("Lumen Labs", "UX Designer", status=Status.OFFER, created_at=_at(ago(40), 9)),
            [
                (
                    Interview(0, _at(ago(21), 13), format="in person"),
                    hiring_manager("Ines Moreau", "Design Lead", "ines@lumenlabs.example"),
                )
            ],
        ),
        ApplicationBundle(
            Application(
                "Granite Bank",
                "Financial Analyst",
                FieldPace.RELAXED,
                Formality.FORMAL,
                Status.REJECTED,
                created_at=_at(ago(50), 9),
            ),
            [
                (
                    Interview(0, _at(ago(30), 10), format="in person"),
                    hiring_manager(
                        "Robert Chen", "VP Finance", "robert.chen@granite.example", "+1 617 555 0123", "Mr."
                    ),
                )
            ],
        ),
        ApplicationBundle(
            Application(
                "Pine & Co", "Marketing Manager", status=Status.WITHDRAWN, created_at=_at(ago(45), 9)
            ),
            [
                (
                    Interview(0, _at(ago(28), 16), format="video"),
                    hiring_manager("Sofia Lindqvist", "CMO", "sofia@pineandco.example"),
                )
            ],
        ),
        ApplicationBundle(
            Application(
                "Quarry Logistics",
                "Operations Lead",
                FieldPace.STANDARD,
                Formality.CASUAL,
                Status.CLOSED_WITHOUT_ANSWER,
                created_at=_at(ago(90), 9),
            ),
            [
                (
                    Interview(0, _at(ago(60), 9), format="in person"),
                    hiring_manager("Dave Kowalski", "Head of Operations", "", "+1 312 555 0150"),
                )
            ],
        ),
    ]


_PREFIXES = (
    "Acorn",
    "Beacon",
    "Cedar",
    "Delta",
    "Ember",
    "Falcon",
    "Harbor",
    "Iris",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Maple",
    "Nimbus",
    "Orchid",
    "Polar",
    "Quartz",
    "Ridge",
    "Sable",
    "Tidal",
    "Umber",
    "Vale",
    "Willow",
    "Yarrow",
    "Zephyr",
)
_SUFFIXES = (
    "Analytics",
    "Bank",
    "Health",
    "Labs",
    "Logistics",
    "Media",
    "Partners",
    "Robotics",
    "Software",
    "Studios",
    "Systems",
    "Ventures",
)
_ROLES = (
    ("Data Analyst", FieldPace.STANDARD),
    ("Staff Accountant", FieldPace.RELAXED),
    ("Account Executive", FieldPace.AGGRESSIVE),
    ("Software Engineer", FieldPace.STANDARD),
    ("Sales Development Rep", FieldPace.AGGRESSIVE),
    ("Auditor", FieldPace.RELAXED),
    ("Product Manager", FieldPace.STANDARD),
    ("UX Designer", FieldPace.STANDARD),
)
_FIRST = (
    "Alex",
    "Bea",
    "Chidi",
    "Dana",
    "Elif",
    "Farid",
    "Hana",
    "Ivan",
    "Jun",
    "Keiko",
    "Luis",
    "Maya",
    "Noor",
    "Omar",
    "Pia",
    "Rafael",
    "Sara",
    "Theo",
    "Uma",
    "Wen",
)
_LAST = (
    "Adeyemi",
    "Bauer",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jensen",
    "Kim",
    "Larsen",
    "Mendes",
    "Novak",
    "Okoro",
    "Petrov",
    "Rossi",
    "Silva",
)
_TITLES = ("Hiring Manager", "Team Lead", "Recruiter", "Director", "Senior Engineer", "HR Partner")
_STATUSES = (
    (Status.ACTIVE,) * 5
    + (Status.WAITING,) * 3
    + (Status.OFFER, Status.REJECTED, Status.WITHDRAWN, Status.CLOSED_WITHOUT_ANSWER)
)


def generated(count: int, today: date, seed: int = 7) -> list[ApplicationBundle]:
    """`count` more applications with names and dates that look real, always the same."""
    rng = random.Random(seed)
    samples = []
    names_per_cycle = len(_PREFIXES) * len(_SUFFIXES)
    for index in range(count):
        company = (
            f"{_PREFIXES[index % len(_PREFIXES)]} {_SUFFIXES[(index // len(_PREFIXES)) % len(_SUFFIXES)]}"
        )
        if index >= names_per_cycle:
            company += f" {index // names_per_cycle + 1}"
        role, pace = rng.choice(_ROLES)
        status = rng.choice(_STATUSES)
        interviewed = _weekday(today - timedelta(days=rng.randint(0, 75)))
        application = Application(
            company,
            role,
            pace,
            rng.choice(list(Formality)),
            status,
            job_link=f"https://{company.lower().replace(' ', '-')}.example/jobs/{index}",
            created_at=_at(interviewed - timedelta(days=rng.randint(5, 30)), 9),
        )
        promised = rng.random() < 0.4
        interview = Interview(
            0,
            _at(interviewed, rng.choice((9, 10, 11, 14, 15, 16))),
            format=rng.choice(("in person", "video", "phone")),
            decision_by=interviewed + timedelta(days=rng.randint(3, 14)) if promised else None,
            calls_welcome=rng.choice(list(CallsWelcome)),
        )
        people = []
        for seat in range(rng.choice((1, 1, 2, 3))):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            domain = company.lower().replace(" ", "") + ".example"
            has_email = rng.random() < 0.85
            people.append(
                (
                    Interviewer(
                        0,
                        f"{first} {last}",
                        _TITLES[(index + seat) % len(_TITLES)],
                        f"{first.lower()}.{last.lower()}@{domain}" if has_email else "",
                        f"+1 555 01{rng.randint(10, 99)}",
                    ),
                    DebriefNotes(
                        0, liked=f"my work on {rng.choice(('reporting', 'onboarding', 'pricing', 'hiring'))}"
                    )
                    if rng.random() < 0.6
                    else None,
                )
            )
        samples.append(ApplicationBundle(application, [(interview, people)]))
    return samples


_ENDINGS = {
    Status.OFFER: AttemptOutcome.OFFER,
    Status.REJECTED: AttemptOutcome.REJECTION,
    Status.WITHDRAWN: AttemptOutcome.WITHDREW,
}


def follow_up_history(
    sample: ApplicationBundle, settings: Settings, today: date, rng: random.Random
) -> list[Action]:
    """Walk the plan up to today as a real user might, through the real cadence rules.

    Most actions were done on their day; some were left undone, so the demo
    shows overdue work. An application that ended got its answer on a status check.
    """
    application = sample.application
    interview, people = sample.interviews[-1]
    ending = _ENDINGS.get(application.status)
    history: list[Action] = []
    while True:
        scenario = cadence.Scenario.for_interview(
            application, interview, [person for person, _ in people], history, settings
        )
        due = [a for a in cadence.plan(scenario) if a.due < today]
        if not due or len(history) > 40:
            break
        action = due[0]
        still_open = application.status.is_open
        if action.kind is ActionKind.CLOSE and still_open:
            break
        if still_open and rng.random() < (0.25 if action.kind is ActionKind.STATUS_CHECK else 0.15):
            break
        if action.kind is ActionKind.STATUS_CHECK:
            if ending:
                outcome, ending = ending, None
            elif action.channel is Channel.PHONE:
                outcome = rng.choice((AttemptOutcome.NO_ANSWER, AttemptOutcome.LEFT_VOICEMAIL))
            else:  # an email cannot go to voicemail: sent, and no reply
                outcome = AttemptOutcome.SENT
        else:
            outcome = AttemptOutcome.SENT
        history.append(
            dataclasses.replace(action, status=ActionStatus.DONE, outcome=outcome, done_on=action.due)
        )
    if application.status in (Status.OFFER, Status.WITHDRAWN, Status.CLOSED_WITHOUT_ANSWER):
        return history
    scenario = cadence.Scenario.for_interview(
        application, interview, [person for person, _ in people], history, settings
    )
    return history + cadence.plan(scenario)


def load_sample(store: Store, applications: int = 8, *, today: date | None = None) -> int:
    """Add the sample applications that are not there yet. Returns how many were added."""
    today = today or clock.today()
    settings = store.get_settings()
    # Checked before anything is written: the plans below need the country's holidays.
    problem = validation.country_problem(settings.country)
    if problem:
        raise UnknownCountry(
            f"No sample was added. The country in your settings is not usable: {problem} "
            "Choose one under Plan settings on the Follow-up plan page."
        )
    wanted = curated(today)[:applications]
    wanted += generated(max(0, applications - len(wanted)), today)
    existing = {(a.company, a.role) for a in store.list_applications()}
    fresh = [s for s in wanted if (s.application.company, s.application.role) not in existing]
    store.add_bundles(fresh)
    rng = random.Random(len(existing))
    actions, sent = [], []
    for sample in fresh:
        history = follow_up_history(sample, settings, today, rng)
        actions += history
        sent += sent_thank_yous(sample, history, settings)
    store.add_history(actions, sent)
    return len(fresh)


def sent_thank_yous(sample: ApplicationBundle, history: list[Action], settings: Settings) -> list[Letter]:
    """The thank-you emails behind the history's done thank-yous, drafted as the Letters page would."""
    interview, people = sample.interviews[-1]
    seats = {person.id: (seat, person, notes) for seat, (person, notes) in enumerate(people)}
    sent = []
    for action in history:
        if action.kind is not ActionKind.THANK_YOU_EMAIL or action.status is not ActionStatus.DONE:
            continue
        if action.interviewer_id not in seats:
            continue
        seat, person, notes = seats[action.interviewer_id]
        drafted = letters.draft(
            LetterKind.THANK_YOU_EMAIL,
            application=sample.application,
            interview=interview,
            interviewer=person,
            notes=notes,
            settings=settings,
            variant=seat,
        )
        sent.append(
            Letter(
                sample.application.id,
                LetterKind.THANK_YOU_EMAIL,
                drafted.recipient,
                drafted.subject,
                drafted.body,
                person.id,
                LetterStatus.SENT,
                action.done_on,
            )
        )
    return sent
