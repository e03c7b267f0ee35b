"""Twelve prose paragraphs of one invented article (written for these tests), shared by the
body-choice tests."""

PROSE = [
    "The harbour board of the fictional town of Quillhaven approved repairs to the quay on Monday.",
    "Engineers found that salt water had eaten into the iron rings where fishing boats tie up.",
    "Work on the ferry ramp will start in April and should take about six weeks, the board said.",
    "During the repairs the ferry will land at the old slipway beside the lifeboat station.",
    "Several traders asked whether the market could stay open while the cranes were on the quay.",
    "A photograph of the rusted rings taken by a diver was shown to councillors at the meeting.",
    "The board expects the insurance fund to pay for most of the work after last winter's storms.",
    "Residents of the lower town complained about noise from the pile driver during the last repair.",
    "This time the contractor has promised to work only between eight in the morning and six.",
    "The lighthouse stairs, closed since the autumn, will be inspected by the county in May.",
    "If the inspection goes well, visitors may climb to the gallery again before the summer.",
    "The harbour master thanked the volunteers who cleared the quay of debris after the storm.",
]
