"""Mentoring: programmes, mentor -> mentee pairs with an agreement, session logs the mentee confirms (JP and
competency evidence), the mentee's feedback and the programme report."""
