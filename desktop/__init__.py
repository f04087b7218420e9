"""Liftrun: plan deadlifts and runs on one calendar, with advice for every run."""

__version__ = "0.1.0"
APP_NAME = "Liftrun"
