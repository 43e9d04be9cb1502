"""The warm-up setting: read, written and reported like every other setting."""

from __future__ import annotations

import pytest

from isotimer.storage.settings import Settings, load_settings, save_settings
from tests.unit.test_settings import load_text


@pytest.mark.parametrize(
    ("text", "warm_up", "problems"),
    [
        ("", True, []),
        ("warm_up = false\n", False, []),
        ("warm_up = true\n", True, []),
        (
            'warm_up = "no"\n',
            True,
            [
                "settings.toml:1: 'warm_up' must be true or false, got 'no'; "
                "using the default (true)"
            ],
        ),
        (
            "warmup = false\n",
            True,
            ["settings.toml:1: unknown key 'warmup' (did you mean 'warm_up'?); ignored"],
        ),
    ],
)
def test_the_warm_up_setting_is_read_with_its_default_and_problems(
    tmp_path, text, warm_up, problems
):
    settings, found = load_text(tmp_path, text)
    assert settings.warm_up is warm_up
    assert found == problems


def test_the_warm_up_setting_survives_a_save(tmp_path):
    path = tmp_path / "settings.toml"
    save_settings(path, Settings(warm_up=False))
    assert "warm_up = false" in path.read_text()
    assert load_settings(path) == (Settings(warm_up=False), [])
