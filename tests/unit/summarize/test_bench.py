from newsloom.bench.summarize import bench_summarize, generated_story
from newsloom.settings import Settings


def test_generated_story_is_deterministic_and_multi_outlet() -> None:
    story = generated_story(20)
    assert story == generated_story(20)
    assert len(story) == 20 and len({a.source_id for a in story}) == 20
    assert all(len(a.text.split()) > 200 for a in story)


def test_bench_reports_percentiles_of_the_default_summarizer() -> None:
    result = bench_summarize(Settings(), articles=4, runs=3, cold=2)
    assert result["method"] == "extractive" and result["runs"] == 3 and result["cold_runs"] == 2
    assert 0 < result["p50_ms"] <= result["p95_ms"]
    assert 0 < result["cpu_p50_ms"] <= result["cpu_p95_ms"]
    assert result["sentences"] > 3
    # A story never seen is timed on its own: its first summary, none of its sentences cached.
    assert 0 < result["cold_p50_ms"] <= result["cold_max_ms"]
    assert 0 < result["cold_cpu_p50_ms"] <= result["cold_cpu_max_ms"]
