from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from generation.sports import SPORTS


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "contest/home.html", {"sports": SPORTS, "nav": "home"})


def entries(request: HttpRequest) -> HttpResponse:
    return render(request, "contest/entries.html", {"nav": "contest"})
