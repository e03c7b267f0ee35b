from newsloom.summarize.words import numbers_in, tokens


def test_tokens_keep_letters_of_any_script_whole() -> None:
    assert tokens("La maire a prolongé l'interdiction à Vernaz, 3.75 %.") == [
        "La", "maire", "a", "prolongé", "l'interdiction", "à", "Vernaz", "3.75",
    ]  # fmt: skip
    assert tokens("Zürich's Straße, Kraków") == ["Zürich's", "Straße", "Kraków"]
    assert numbers_in(tokens("dix-huit, 18,000 and six")) == {"18000", "6"}
