"""Competency insight: the organisation's heatmap and match-band distribution for HR and leaders, and the
recommendations that fit an employee's gaps (the catalogue filter and the home panel). Reads only: the competency
package writes the profiles it reads."""
