"""A plausible demo installation: a 60 x 40 m pavilion on a city square, open 10:00-20:00 during the Games.

Minute 0 is 10:00. The entrance is in the middle of the south wall (30, 0); north is y = 40.
"""

from __future__ import annotations

from .model import Installation, Rules, ZoneSpec, ZoneStatus

DAY = ((0.0, 600.0),)


def demo_installation() -> Installation:
    """The twelve demo zones, their rules and walking model (English names and texts)."""
    zones = (
        ZoneSpec(
            id="welcome",
            name="Welcome Desk",
            dwell=3,
            capacity=20,
            hours=DAY,
            x=30,
            y=5,
            seated=False,
            tags={"technology": 0.2},
            description="Say hello to the AI guide, pick your language and get your personal route.",
        ),
        ZoneSpec(
            id="avatar-booth",
            name="Avatar Booth",
            dwell=6,
            capacity=4,
            hours=((0.0, 360.0), (390.0, 600.0)),
            x=10,
            y=9,
            strobe=True,
            tags={"technology": 0.9, "fashion": 0.3, "art": 0.3, "kids": 0.4},
            description="A quick selfie becomes your winter-sports avatar in seconds (camera flashes).",
        ),
        ZoneSpec(
            id="ai-stylist",
            name="AI Stylist Mirror",
            dwell=10,
            capacity=3,
            hours=DAY,
            x=12,
            y=24,
            tags={"fashion": 1.0, "technology": 0.5, "shopping": 0.3},
            description="Your avatar tries on the Games' collections; the mirror suggests outfits for you.",
        ),
        ZoneSpec(
            id="fragrance-bar",
            name="Fragrance Bar",
            dwell=8,
            capacity=6,
            hours=DAY,
            x=22,
            y=35,
            seated=True,
            child_friendly=False,
            tags={"fragrance": 1.0, "beauty": 0.4},
            description="Scents inspired by alpine air and ice, matched to your mood.",
        ),
        ZoneSpec(
            id="makeup-studio",
            name="Make-up Studio",
            dwell=15,
            capacity=4,
            hours=DAY,
            x=34,
            y=35,
            seated=True,
            tags={"beauty": 1.0, "fashion": 0.4, "kids": 0.2},
            description="Virtual try-on of make-up looks in the Games' colours, with an artist on hand.",
        ),
        ZoneSpec(
            id="aigc-video-wall",
            name="AIGC Video Wall",
            dwell=8,
            capacity=12,
            hours=DAY,
            x=56,
            y=20,
            loud=True,
            strobe=True,
            tags={"technology": 0.8, "art": 0.7, "sport": 0.5},
            description="Write one sentence and watch your winter-sports clip play on the big wall.",
        ),
        ZoneSpec(
            id="replay-theatre",
            name="360-degree Replay Theatre",
            dwell=10,
            capacity=24,
            hours=((0.0, 240.0), (270.0, 600.0)),
            x=47,
            y=34,
            seated=True,
            loud=True,
            tags={"sport": 1.0, "technology": 0.6},
            sports=("figure-skating", "short-track", "ski-jumping", "alpine-skiing", "snowboard"),
            description="Great moments of the Games rebuilt in 360 degrees, with spacetime slices.",
        ),
        ZoneSpec(
            id="museum-corner",
            name="Museum Corner",
            dwell=8,
            capacity=15,
            hours=((0.0, 480.0),),
            x=4,
            y=35,
            seated=False,
            tags={"art": 0.9, "sport": 0.5},
            sports=("bobsleigh", "luge", "skeleton", "ski-jumping"),
            description="Torches, medals and fans' AI films selected for the Olympic Museum.",
        ),
        ZoneSpec(
            id="shop",
            name="Games Shop",
            dwell=10,
            capacity=30,
            hours=DAY,
            x=44,
            y=6,
            tags={"shopping": 1.0, "fashion": 0.4, "sport": 0.2, "kids": 0.3},
            description="Official merchandise, and the outfits the AI stylist suggested.",
        ),
        ZoneSpec(
            id="cafe",
            name="Alpine Cafe",
            dwell=15,
            capacity=40,
            hours=((60.0, 540.0),),
            x=54,
            y=6,
            seated=True,
            tags={"food": 1.0, "kids": 0.3},
            description="Hot chocolate, espresso and mountain snacks (opens at 11:00).",
        ),
        ZoneSpec(
            id="ice-rink-photo",
            name="Ice Rink Photo Spot",
            dwell=5,
            capacity=8,
            hours=DAY,
            x=30,
            y=21,
            step_free=False,
            tags={"sport": 0.7, "kids": 0.8, "art": 0.2},
            sports=("figure-skating", "speed-skating", "short-track", "ice-hockey", "curling"),
            description="Strike a pose on a real patch of ice (two steps up, slippery).",
        ),
        ZoneSpec(
            id="para-sport-lab",
            name="Paralympic Sport Lab",
            dwell=12,
            capacity=10,
            hours=DAY,
            x=5,
            y=20,
            tags={"sport": 1.0, "technology": 0.7, "kids": 0.4},
            sports=(
                "alpine-skiing",
                "biathlon",
                "cross-country-skiing",
                "ice-hockey",
                "snowboard",
                "curling",
            ),
            description="Try a sit-ski simulator and see how para athletes' equipment is engineered.",
        ),
    )
    rules = Rules(
        # The stylist dresses the avatar made in the booth.
        precedence=(("avatar-booth", "ai-stylist"),),
        first=("welcome",),
        # The video wall is the finale: the visitor leaves with their clip.
        last=("aigc-video-wall",),
        mandatory=("welcome",),
    )
    return Installation(
        zones=zones,
        rules=rules,
        walk_speed=70.0,
        detour_factor=1.25,
        entrance=(30.0, 0.0),
        name="Wonder pavilion",
        day_start="10:00",
    )


def demo_statuses(minute: float = 0.0) -> dict[str, ZoneStatus]:
    """A typical afternoon: a queue at the avatar booth and the stylist, the rest nearly free."""
    queues = {
        "avatar-booth": (8.0, 4.0),
        "ai-stylist": (6.0, 3.0),
        "makeup-studio": (5.0, 4.0),
        "shop": (2.0, 1.0),
    }
    return {
        zone.id: ZoneStatus(
            zone_id=zone.id,
            queue_minutes=queues.get(zone.id, (0.0, 0.0))[0],
            baseline_minutes=queues.get(zone.id, (0.0, 0.0))[1],
            observed_minute=minute,
        )
        for zone in demo_installation().zones
    }
