package org.consulardesk.map.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.service.CellCover.Kind;
import org.consulardesk.registry.model.GridCell;
import org.junit.jupiter.api.Test;

/** Cells of the registrants' grid against an area: wholly inside, across the outline, outside (ADR 0057). */
class CellCoverTest {
    private static final Area SQUARE = Area.polygon(List.of(new LatLon(-1.5, 36.6), new LatLon(-1.5, 37.0),
            new LatLon(-1.1, 37.0), new LatLon(-1.1, 36.6)));

    @Test
    void cellsInsideAcrossAndOutsideAPolygon() {
        CellCover cover = new CellCover(AreaGeometry.of(SQUARE, 0));
        assertThat(cover.classify(GridCell.at(-1.3, 36.8, 12))).isEqualTo(Kind.INSIDE);
        assertThat(cover.classify(GridCell.at(-1.3, 36.8, 16))).isEqualTo(Kind.INSIDE);
        assertThat(cover.classify(GridCell.at(-1.3, 36.6, 14))).as("on the west side").isEqualTo(Kind.BOUNDARY);
        assertThat(cover.classify(GridCell.at(-1.1, 36.8, 16))).as("on the north side").isEqualTo(Kind.BOUNDARY);
        assertThat(cover.classify(GridCell.at(-1.3, 37.05, 14))).as("just east").isEqualTo(Kind.OUTSIDE);
        assertThat(cover.classify(GridCell.at(4.05, 39.66, 12))).as("another town").isEqualTo(Kind.OUTSIDE);
        assertThat(cover.classify(GridCell.at(-1.3, 36.8, 4))).as("a cell far larger than the area").isEqualTo(Kind.BOUNDARY);
    }

    @Test
    void bufferTakesInCellsOutsideTheOutline() {
        GridCell east = GridCell.at(-1.3, 37.05, 14);
        assertThat(new CellCover(AreaGeometry.of(SQUARE, 0)).classify(east)).isEqualTo(Kind.OUTSIDE);
        assertThat(new CellCover(AreaGeometry.of(SQUARE, 3)).classify(east)).as("beyond 3 km").isEqualTo(Kind.OUTSIDE);
        assertThat(new CellCover(AreaGeometry.of(SQUARE, 3)).classify(GridCell.at(-1.3, 37.0 + 3 / 111.195, 16)))
                .as("on the outline 3 km out").isEqualTo(Kind.BOUNDARY);
        assertThat(new CellCover(AreaGeometry.of(SQUARE, 3)).classify(GridCell.at(-1.3, 37.01, 16)))
                .as("1 km out, within the buffer").isEqualTo(Kind.INSIDE);
        assertThat(new CellCover(AreaGeometry.of(SQUARE, 10)).classify(east)).as("well within 10 km").isEqualTo(Kind.INSIDE);
    }

    @Test
    void circlesAreTestedByDistance() {
        CellCover cover = new CellCover(AreaGeometry.of(Area.circle(new LatLon(-1.29, 36.82), 5000), 0));
        assertThat(cover.classify(GridCell.at(-1.29, 36.82, 14))).isEqualTo(Kind.INSIDE);
        // 5 km east of the centre lies the outline.
        assertThat(cover.classify(GridCell.at(-1.29, 36.82 + 5000 / 111_195.0, 16))).isEqualTo(Kind.BOUNDARY);
        assertThat(cover.classify(GridCell.at(-1.29, 36.82 + 0.08, 15))).isEqualTo(Kind.OUTSIDE);
    }

    @Test
    void cellsOnBothSidesOfTheAntimeridian() {
        CellCover cover = new CellCover(AreaGeometry.of(Area.polygon(List.of(new LatLon(-18, 178), new LatLon(-18, -178),
                new LatLon(-16, -178), new LatLon(-16, 178))), 0));
        assertThat(cover.classify(GridCell.at(-17, 179.5, 10))).isEqualTo(Kind.INSIDE);
        assertThat(cover.classify(GridCell.at(-17, -179.5, 10))).isEqualTo(Kind.INSIDE);
        assertThat(cover.classify(GridCell.at(-17, 175, 10))).isEqualTo(Kind.OUTSIDE);
        assertThat(cover.startCells(cover.startLevel())).as("start cells on both sides")
                .anyMatch(c -> c.west() < 0).anyMatch(c -> c.east() > 0);
        assertThat(cover.classify(GridCell.at(-17, 180, 10))).as("edge column at longitude 180").isEqualTo(Kind.BOUNDARY);
    }

    @Test
    void cellsAroundThePole() {
        CellCover cover = new CellCover(AreaGeometry.of(Area.circle(new LatLon(90, 0), 300_000), 0));
        assertThat(cover.classify(GridCell.at(89.9, 120, 12))).isEqualTo(Kind.INSIDE);
        assertThat(cover.classify(GridCell.at(89.9, -60, 12))).isEqualTo(Kind.INSIDE);
        assertThat(cover.classify(GridCell.at(80, 10, 12))).isEqualTo(Kind.OUTSIDE);
        assertThat(cover.classify(GridCell.at(90, 0, 12))).as("edge row at latitude 90").isEqualTo(Kind.BOUNDARY);
        assertThat(cover.startCells(cover.startLevel())).as("every longitude").anyMatch(c -> c.west() <= -170)
                .anyMatch(c -> c.east() >= 170);
    }

    @Test
    void gridCellsNestAndKeepTheirEdges() {
        GridCell cell = GridCell.at(-1.3, 36.8, 10);
        assertThat(cell.children()).hasSize(4).allSatisfy(c -> {
            assertThat(c.level()).isEqualTo(11);
            assertThat(c.fineRowFrom()).isBetween(cell.fineRowFrom(), cell.fineRowTo());
        });
        assertThat(GridCell.at(-1.3, 36.8, 16).geoCell()).isEqualTo(org.consulardesk.registry.model.GeoGrid.fineCell(-1.3, 36.8));
        assertThat(GridCell.at(90, 180, 5).children()).as("edge corner has only the edge child").hasSize(1);
        assertThat(GridCell.at(90, 0, 5).children()).hasSize(2);
    }
}
