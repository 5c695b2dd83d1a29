"""A picture → which page of which form it shows, and where that page lies in it.

The four corner markers are found first, in a small copy of the picture: solid dark squares
(a ring, a QR code's finder or a filled-in answer circle is not solid or not square), four
of them lying like the corners of an A4 page. They say where the page is, but not which way
up; the QR code, cut out at full resolution where each of the four turns puts it, says
which page it is, and the turn where it reads is the right one.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import cv2
import numpy as np
from numpy.typing import NDArray

from stavangerstandarden import contract as c
from stavangerstandarden.collect.pdfengine import Unreadable
from stavangerstandarden.collect.read.scan.images import Image
from stavangerstandarden.forms import paper
from stavangerstandarden.words import N_

Points = NDArray[np.float64]
"""N × 2 points, x and y."""

NO_MARKS = N_("fant ikke skjemaets fire hjørnemerker: bildet er ikke et skjema, eller "
            "skjemaet er skrevet ut før utskrifter kunne leses (skriv det ut på nytt fra "
            "nettstedet); er det et skjema, ta bildet på nytt med hele arket synlig")
NO_CODE = N_("fant hjørnemerkene, men kunne ikke lese skjemakoden (QR-koden nederst til høyre); "
           "skann eller fotografer siden skarpere")
OTHER_CODE = N_("siden har en QR-kode, men ikke en skjemakode fra denne standarden")
FINDING_SIDE = 1000
"""The longer side of the small copy the markers are looked for in."""
SOLID = 0.85
"""A marker fills this share of its smallest enclosing rectangle, and is dark inside."""
CANDIDATES = 10
"""The largest squares tried as markers (a page has few solid squares but its four)."""
TRIES = 3
"""Fours of markers tried before giving up on the QR code."""
CODE_TRIES = ((12.0, "as is"), (12.0, "sharpened"), (8.0, "sharpened"), (10.0, "as is"),
              (12.0, "black and white"))
"""Pixels a millimetre the QR code is cut out at, and how it is prepared: the first reads
almost every code; a blurred scan's reads sharpened (measured on the test corpus)."""


@dataclass(frozen=True)
class Located:
    identity: c.PageIdentity
    homography: Points
    """Maps page millimetres to picture pixels."""


def locate(image: Image) -> Located:
    """Raises Unreadable when the picture is not a readable page of a form."""
    fours = _fours(_squares(image))
    if not fours:
        raise Unreadable(NO_MARKS)
    centres = np.array([b.centre for b in paper.marks()])
    other = False
    for four in fours[:TRIES]:
        for turn in range(4):
            matrix = _fit(centres, np.roll(four, -turn, axis=0))
            text = _code(image, matrix)
            identity = c.parse_page_code(text) if text else None
            if identity is not None:
                return Located(identity, matrix)
            other = other or bool(text)
    raise Unreadable(OTHER_CODE if other else NO_CODE)


def _squares(image: Image) -> tuple[Points, NDArray[np.float64]]:
    """Centres (in the picture's pixels) and areas of the solid dark squares."""
    factor = min(1.0, FINDING_SIDE / max(image.shape))
    small = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    dark = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                 51, 30)
    contours, _ = cv2.findContours(dark, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    limit = 0.01 * small.shape[0] * small.shape[1]
    centres, areas = [], []
    for contour in contours:
        area = cv2.contourArea(contour)
        if not 20 <= area <= limit:
            continue
        (cx, cy), (w, h), _ = cv2.minAreaRect(contour)
        if area < SOLID * w * h or max(w, h) > 1.6 * min(w, h):
            continue
        x, y, bw, bh = cv2.boundingRect(contour)
        inside = np.zeros((bh, bw), np.uint8)
        cv2.drawContours(inside, [contour - [x, y]], -1, 255, -1)
        if cv2.countNonZero(cv2.bitwise_and(dark[y:y + bh, x:x + bw], inside)) < SOLID * area:
            continue
        centres.append((cx / factor, cy / factor))
        areas.append(area)
    order = np.argsort(areas)[::-1][:CANDIDATES]
    return (np.array(centres, np.float64).reshape(-1, 2)[order],
            np.array(areas, np.float64)[order])


def _fours(squares: tuple[Points, NDArray[np.float64]]) -> list[Points]:
    """Fours of squares lying like the page's markers, clockwise, the largest page first."""
    centres, areas = squares
    expected = _ratio()
    found: list[tuple[float, Points]] = []
    for chosen in combinations(range(len(centres)), 4):
        picked = areas[list(chosen)]
        if picked.max() > 4 * picked.min():
            continue
        quad = _clockwise(centres[list(chosen)])
        sides = np.hypot(*(np.roll(quad, -1, axis=0) - quad).T)
        if min(sides[0], sides[2]) < 0.6 * max(sides[0], sides[2]) or \
                min(sides[1], sides[3]) < 0.6 * max(sides[1], sides[3]):
            continue
        across = (sides[0] + sides[2]) / (sides[1] + sides[3])
        if not 0.65 * expected <= min(across, 1 / across) <= expected / 0.65:
            continue
        area = abs(cv2.contourArea(quad.astype(np.float32)))
        found.append((area, quad))
    return [quad for _, quad in sorted(found, key=lambda f: -f[0])]


def _ratio() -> float:
    marks = paper.marks()
    width = marks[1].centre[0] - marks[0].centre[0]
    height = marks[3].centre[1] - marks[0].centre[1]
    return width / height


def _clockwise(points: Points) -> Points:
    """Clockwise on the picture (y down), starting anywhere."""
    centre = points.mean(axis=0)
    angles = np.arctan2(points[:, 1] - centre[1], points[:, 0] - centre[0])
    return points[np.argsort(angles)]


def _fit(page: Points, image: Points) -> Points:
    matrix = cv2.getPerspectiveTransform(page.astype(np.float32), image.astype(np.float32))
    return np.asarray(matrix, dtype=np.float64)


def _code(image: Image, matrix: Points) -> str:
    """The text of the QR code where `matrix` puts it, cut out flat with its quiet zone
    (smoothly enlarged: the detectors read a blurred code better with more pixels a module),
    tried with both of OpenCV's detectors."""
    for dpmm, preparation in CODE_TRIES:
        crop = _prepared(_code_crop(image, matrix, dpmm), preparation)
        for detector in (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco()):
            text, _, _ = detector.detectAndDecode(crop)
            if text:
                return str(text)
    return ""


def _prepared(crop: Image, preparation: str) -> Image:
    if preparation == "sharpened":
        blurred = cv2.GaussianBlur(crop, (0, 0), 1.5)
        return np.asarray(cv2.addWeighted(crop, 2.0, blurred, -1.0, 0), dtype=np.uint8)
    if preparation == "black and white":
        return np.asarray(cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1],
                          dtype=np.uint8)
    return crop


def _code_crop(image: Image, matrix: Points, dpmm: float) -> Image:
    box = paper.qr_box()
    quiet = 4.0
    origin = np.array([[1, 0, box.x - quiet], [0, 1, box.y - quiet], [0, 0, 1]])
    side = round((box.width + 2 * quiet) * dpmm)
    scale = np.diag([1 / dpmm, 1 / dpmm, 1.0])
    return np.asarray(cv2.warpPerspective(
        image, matrix @ origin @ scale, (side, side),
        flags=cv2.INTER_CUBIC | cv2.WARP_INVERSE_MAP, borderValue=255), dtype=np.uint8)


def _to_image(matrix: Points, points: list[tuple[float, float]]) -> Points:
    source = np.array(points, dtype=np.float64).reshape(-1, 1, 2)
    return np.asarray(cv2.perspectiveTransform(source, matrix), dtype=np.float64).reshape(-1, 2)


def warped(image: Image, located: Located, size: tuple[int, int], dpi: float) -> Image:
    """The page cut out of the picture and laid flat at `dpi`, `size` pixels."""
    to_mm = np.diag([25.4 / dpi, 25.4 / dpi, 1.0])
    matrix = located.homography @ to_mm
    return np.asarray(cv2.warpPerspective(
        image, matrix, size, flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
        borderMode=cv2.BORDER_CONSTANT, borderValue=255), dtype=np.uint8)
