"""Fan sign-up by e-mail with mandatory verification; disposable domains refused; the profile; the language."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from contest.accounts import is_disposable
from contest.models import Fan

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "ana@example.org",
    "password1": "snow-and-ice-2026",
    "password2": "snow-and-ice-2026",
    "display_name": "Ana",
    "country": "ES",
    "language": "es",
}


def test_sign_up_sends_a_verification_mail_and_confirming_logs_in(client):
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302 and response["Location"] == "/accounts/confirm-email/"
    fan = Fan.objects.get(user__email="ana@example.org")
    assert (fan.display_name, fan.country.code, fan.language) == ("Ana", "ES", "es")
    assert not EmailAddress.objects.get(email="ana@example.org").verified
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+)", mail.outbox[0].body).group(1)
    response = client.post(link)
    assert EmailAddress.objects.get(email="ana@example.org").verified
    assert response.cookies["django_language"].value == "es"


def test_unverified_fans_cannot_log_in_until_they_confirm(client):
    client.post("/accounts/signup/", SIGNUP)
    client.logout()
    response = client.post("/accounts/login/", {"login": "ana@example.org", "password": SIGNUP["password1"]})
    assert response.status_code == 302 and "confirm-email" in response["Location"]


@pytest.mark.parametrize("email", ["x@mailinator.com", "x@MAIL.Yopmail.com", "x@guerrillamail.com"])
def test_disposable_addresses_are_refused(client, email):
    response = client.post("/accounts/signup/", {**SIGNUP, "email": email})
    assert response.status_code == 200 and "disposable mail services are not accepted" in response.content.decode()
    assert not Fan.objects.exists() and not mail.outbox


def test_the_blocklist_matches_domains_and_their_subdomains_only():
    assert is_disposable("a@yopmail.com") and is_disposable("a@eu.yopmail.com")
    assert not is_disposable("a@notyopmail.com") and not is_disposable("a@gmail.com")


def test_a_display_name_is_required(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "display_name": "   "})
    assert "choose a name" in response.content.decode() and not Fan.objects.exists()
