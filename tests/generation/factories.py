import factory

from generation.models import Job


class JobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Job

    kind = "diagnostic"
    engine = "diagnostic"
    queue = "default"
    spec = factory.LazyFunction(lambda: {"steps": 2, "delay_s": 0})
    session_key = "visitor-session"
    seq = 1
