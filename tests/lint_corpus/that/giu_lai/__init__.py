"""Real documents kept aside: looked at only at the end (labels in ``nhan.py``)."""
