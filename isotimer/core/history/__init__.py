"""What the history holds and shows: hold ``records``, ``ratings`` and morning ``checkins``,
personal ``bests``, ``stats`` (bests, trends, balance, weeks), and the review screen's figures
(``review``, ``chart``)."""
