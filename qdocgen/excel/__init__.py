"""The objectives workbook: one sheet per unit, exported from a dataset, edited in Excel, read back."""
