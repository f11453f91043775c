# qdocgen: `make demo` and `make test` set everything up on a fresh machine (a virtual environment in .venv).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help demo test lint templates bench bench-pdf bench-security serve bench-web clean

help: ## Liệt kê các lệnh
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev,web]'
	touch $(STAMP)

demo: $(STAMP) ## Soạn bộ ví dụ 2026 (5 phường TP.HCM) vào out/tp-ho-chi-minh-2026/ và bộ Bình Tân 2019 vào out/, cả hai mẫu
	$(BIN)/qdocgen batch data/tp-ho-chi-minh/2026 -o out/tp-ho-chi-minh-2026 --force
	$(BIN)/qdocgen batch data/tp-ho-chi-minh/2026 -t phu-luc-3 -o out/tp-ho-chi-minh-2026/phu-luc-3 --force
	$(BIN)/qdocgen batch data/binh-tan/2019 -o out --force
	$(BIN)/qdocgen batch data/binh-tan/2019 -t phu-luc-3 -o out/phu-luc-3 --force

test: $(STAMP) ## Chạy bộ kiểm thử
	$(BIN)/python -m pytest -q

lint: $(STAMP) ## Kiểm tra mã (ruff, mypy)
	$(BIN)/ruff check qdocgen tests templates/build.py tools
	$(BIN)/mypy

templates: $(STAMP) ## Dựng lại các mẫu .docx trong templates/ từ templates/build.py
	$(BIN)/python templates/build.py

bench: $(STAMP) ## Đo tốc độ lô 200 đơn vị so với docxtpl (CPU, thời gian thực), bộ nhớ 200/2.000/10.000 đơn vị đo từ ngoài, render, khởi động
	$(BIN)/python bench/bench_batch.py

bench-pdf: $(STAMP) ## Đo PDF: lô 22 tệp mỗi lõi một LibreOffice so với một lệnh soffice; LibreOffice chạy sẵn so với khởi động riêng
	$(BIN)/python bench/bench_pdf.py

bench-security: $(STAMP) ## Đo từng đòn tấn công của issue 15: thời gian, bộ nhớ đỉnh, mã thoát, thông báo
	$(BIN)/python bench/bench_security.py

serve: $(STAMP) ## Mở trang web cho văn thư trên dữ liệu mẫu: http://127.0.0.1:8000/
	$(BIN)/qdocgen serve data

clean: ## Xóa môi trường ảo và kết quả
	rm -rf $(VENV) out build *.egg-info
