import factory

from experience.models import Visit

ANSWERS = {
    "interests": ["fashion", "fragrance", "beauty"],
    "sport": "figure-skating",
    "mood": "calm",
    "minutes": 45,
    "group": "friends",
    "party_size": 3,
    "needs": [],
}


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    session_key = "kiosk-session"
    language = "en"
    answers = factory.LazyFunction(lambda: dict(ANSWERS))
    start_minute = 60.0
