"""Real documents: the tuning part (labels in ``nhan.py``)."""
