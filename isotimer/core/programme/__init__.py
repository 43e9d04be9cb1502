"""Programmes: weeks of training in ``phases``, where a runner stands (``schedule``), the
sessions still planned (``planned``) and today's line (``today``)."""
