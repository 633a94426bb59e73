"""Factories for the unit register."""

import factory

from osallisuus.organisation.models import Organiser, Producer, Service, ServiceArea, Unit


class OrganiserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organiser
        django_get_or_create = ["name_fi"]

    name_fi = "Testilaakson hyvinvointialue"
    name_sv = "Testdalens välfärdsområde"
    name_en = "Testilaakso Wellbeing Services County"
    bilingual = True


class ServiceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceArea
        django_get_or_create = ["organiser", "name_fi"]

    organiser = factory.SubFactory(OrganiserFactory)
    name_fi = "Terveyspalvelut"
    name_sv = "Hälsovårdstjänster"


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        django_get_or_create = ["area", "name_fi"]

    area = factory.SubFactory(ServiceAreaFactory)
    name_fi = "Terveysasemat"
    name_sv = "Hälsostationer"


class ProducerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Producer
        django_get_or_create = ["organiser", "name_fi"]

    organiser = factory.SubFactory(OrganiserFactory)
    name_fi = "Testilaakson hyvinvointialue"
    kind = Producer.Kind.COUNTY


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"UNT{n + 2}")
    name_fi = factory.Sequence(lambda n: f"Toimipiste {n}")
    service = factory.SubFactory(ServiceFactory)
    producer = factory.SubFactory(ProducerFactory)
    languages = "fi,sv"
