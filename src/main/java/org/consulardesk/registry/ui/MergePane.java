package org.consulardesk.registry.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.registry.model.Consent;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.EmergencyContact;
import org.consulardesk.registry.model.Employment;
import org.consulardesk.registry.model.MergePlan;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Vulnerability;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.MergeService;

/**
 * Two registrations side by side. Per field, a radio button chooses the left or the right value;
 * lists (phones, e-mails, documents, vulnerabilities, consents, employment, ...) are united, with a
 * check box per item to leave one out. Keyboard: Up/Down move between rows, Left/Right (or L/R)
 * choose a side, Space ticks an item, Enter merges, Escape goes back.
 */
public final class MergePane {
    /** The fields chosen from one side or the other. */
    enum Field {
        SURVIVOR, FAMILY_NAME, GIVEN_NAMES, FAMILY_NAME_ORIGINAL, GIVEN_NAMES_ORIGINAL, SEX, BIRTH_DATE, PLACE_OF_BIRTH,
        NATIONALITY_EVIDENCE, LANGUAGES, PURPOSE, WHEREABOUTS, NOTES, HOUSEHOLD
    }

    /** One item of a united list: where it comes from, whether it is kept. */
    static final class Item {
        final String list;
        final boolean fromLeft;
        final boolean onBoth;
        final Object value;
        final CheckBox box;

        Item(String list, boolean fromLeft, boolean onBoth, Object value, String text) {
            this.list = list;
            this.fromLeft = fromLeft;
            this.onBoth = onBoth;
            this.value = value;
            this.box = new CheckBox(onBoth ? text + "  " + Ui.text("merge.onBoth") : text);
            box.setSelected(true);
            box.setWrapText(true);
            box.setAccessibleText(Ui.text("merge.list." + list) + ": " + box.getText());
            box.setId("merge-item-" + list + "-" + (fromLeft ? "left" : "right"));
        }
    }

    private final Registration left;
    private final Registration right;
    private final MergeService service;
    private final BackgroundTasks tasks;
    private final Runnable onBack;
    private final java.util.function.LongConsumer onMerged;
    private final VBox root;
    private final Map<Field, ToggleGroup> groups = new EnumMap<>(Field.class);
    private final Map<Field, RadioButton[]> radios = new EnumMap<>(Field.class);
    private final List<Item> items = new ArrayList<>();
    /** Focus order for Up/Down: the left radio of each field row, then each item's check box. */
    private final List<Control> rows = new ArrayList<>();
    private final Label error = Ui.errorLabel("merge-error");
    private final Button merge;

    public MergePane(Registration left, Registration right, MergeService service, BackgroundTasks tasks, Runnable onBack,
                     java.util.function.LongConsumer onMerged) {
        this.left = left;
        this.right = right;
        this.service = service;
        this.tasks = tasks;
        this.onBack = onBack;
        this.onMerged = onMerged;

        GridPane grid = new GridPane();
        grid.setId("merge-grid");
        grid.setHgap(14);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints(250);
        ColumnConstraints side = new ColumnConstraints();
        side.setHgrow(Priority.ALWAYS);
        side.setPercentWidth(36);
        grid.getColumnConstraints().addAll(labels, side, side);
        int r = 0;
        Label leftHead = new Label(Ui.text("merge.record", left.id(), left.version()));
        Label rightHead = new Label(Ui.text("merge.record", right.id(), right.version()));
        leftHead.getStyleClass().add(Styles.SUBTITLE);
        rightHead.getStyleClass().add(Styles.SUBTITLE);
        grid.add(leftHead, 1, r);
        grid.add(rightHead, 2, r++);
        r = fieldRow(grid, r, Field.SURVIVOR, x -> Ui.text(x == left ? "merge.keepThis" : "merge.markMerged"), true);
        r = fieldRow(grid, r, Field.FAMILY_NAME, Registration::familyName, false);
        r = fieldRow(grid, r, Field.GIVEN_NAMES, Registration::givenNames, false);
        r = fieldRow(grid, r, Field.FAMILY_NAME_ORIGINAL, Registration::familyNameOriginal, false);
        r = fieldRow(grid, r, Field.GIVEN_NAMES_ORIGINAL, Registration::givenNamesOriginal, false);
        r = fieldRow(grid, r, Field.SEX, x -> Ui.text("person.sex." + x.sex()), false);
        r = fieldRow(grid, r, Field.BIRTH_DATE, Registration::birthDate, false);
        r = fieldRow(grid, r, Field.PLACE_OF_BIRTH, Registration::placeOfBirth, false);
        r = fieldRow(grid, r, Field.NATIONALITY_EVIDENCE, x -> Ui.text("person.evidence." + x.nationalityEvidence().name()), false);
        r = fieldRow(grid, r, Field.LANGUAGES, x -> String.join(", ", x.languages()), false);
        r = fieldRow(grid, r, Field.PURPOSE, x -> Ui.text("purpose." + x.purpose().name()), false);
        r = fieldRow(grid, r, Field.WHEREABOUTS, MergePane::whereabouts, false);
        r = fieldRow(grid, r, Field.NOTES, Registration::notes, false);
        r = fieldRow(grid, r, Field.HOUSEHOLD, x -> x.householdId() == null ? "" : Ui.text("merge.household", x.householdId()),
                false);

        r = listRows(grid, r, "aliases", Registration::aliases, a -> NameKey.of(a), a -> a);
        r = listRows(grid, r, "contacts", Registration::contacts,
                c -> c.kind() + ":" + c.value().replaceAll("[^0-9A-Za-z@.]", "").toLowerCase(Locale.ROOT),
                c -> Ui.text("person.contactKind." + c.kind().name()) + "  " + c.value() + (c.app() == null ? "" : " (" + c.app() + ")"));
        r = listRows(grid, r, "emergency", Registration::emergencyContacts, e -> e,
                e -> e.fullName() + (e.relationship() == null ? "" : ", " + e.relationship())
                        + (e.phone() == null ? "" : "  " + e.phone()));
        r = listRows(grid, r, "documents", Registration::documents,
                d -> d.type() + ":" + d.number().replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT),
                d -> Ui.text("person.documentType." + d.type().name()) + "  " + d.number()
                        + (d.expiresOn() == null ? "" : "  " + Ui.text("merge.expires", d.expiresOn().toString()))
                        + (d.hasScan() ? "  " + Ui.text("merge.scan") : ""));
        r = listRows(grid, r, "employments", Registration::employments, e -> e,
                e -> join(e.sector(), e.workplace(), e.contractStart() == null ? null : e.contractStart() + " \u2013 "
                        + (e.contractEnd() == null ? "" : e.contractEnd())));
        r = listRows(grid, r, "vulnerabilities", Registration::vulnerabilities, v -> v.code(),
                v -> Ui.text("person.vulnerability." + v.code().name()) + (v.notes() == null ? "" : ": " + v.notes()));
        listRows(grid, r, "consents", Registration::consents,
                c -> List.of(c.purpose(), String.valueOf(c.partner()), c.grantedOn(), c.channel(), String.valueOf(c.withdrawnOn())),
                c -> Ui.text("person.consentPurpose." + c.purpose().name()) + (c.partner() == null ? "" : " (" + c.partner() + ")")
                        + "  " + Ui.text("merge.since", c.grantedOn().toString())
                        + (c.withdrawnOn() == null ? "" : "  " + Ui.text("merge.withdrawn", c.withdrawnOn().toString())));

        grid.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setId("merge-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        merge = Ui.primary("merge.merge", e -> merge());
        merge.setId("merge-merge");
        Button back = Ui.button("merge.back", e -> onBack.run());
        back.setId("merge-back");
        back.setCancelButton(true);
        HBox buttons = new HBox(8, merge, back);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(4, 0, 0, 0));
        root = Ui.page(Ui.styled(Styles.TITLE, "merge.title"), Ui.styled(Styles.MUTED, "merge.intro"), scroll, buttons, error);
        root.setId("merge-pane");
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                onBack.run();
                e.consume();
            }
        });
    }

    public Node root() {
        return root;
    }

    public Node initialFocus() {
        return rows.isEmpty() ? merge : rows.get(0);
    }

    private int fieldRow(GridPane grid, int r, Field field, Function<Registration, String> value, boolean always) {
        String a = blankToEmpty(value.apply(left));
        String b = blankToEmpty(value.apply(right));
        if (!always && a.isEmpty() && b.isEmpty()) {
            return r;
        }
        Label label = Ui.label("merge.field." + field.name());
        if (!a.equals(b) && field != Field.SURVIVOR) {
            label.setStyle("-fx-font-weight: bold;");
            label.setText(label.getText() + " \u2260");
        }
        ToggleGroup group = new ToggleGroup();
        RadioButton l = radio(a, group, field, "left");
        RadioButton rr = radio(b, group, field, "right");
        // By default the side that has a value; both: the left (older) record.
        (a.isEmpty() && !b.isEmpty() ? rr : l).setSelected(true);
        label.setLabelFor(l);
        label.setMinWidth(240);
        grid.add(label, 0, r);
        grid.add(l, 1, r);
        grid.add(rr, 2, r);
        groups.put(field, group);
        radios.put(field, new RadioButton[] {l, rr});
        rows.add(l);
        return r + 1;
    }

    private static RadioButton radio(String text, ToggleGroup group, Field field, String side) {
        RadioButton radio = new RadioButton(text.isEmpty() ? "\u2014" : text);
        radio.setToggleGroup(group);
        radio.setWrapText(true);
        radio.setMaxWidth(Double.MAX_VALUE);
        radio.setId("merge-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + side);
        radio.setAccessibleText(Ui.text("merge.field." + field.name()) + ", " + Ui.text("merge.side." + side) + ": "
                + (text.isEmpty() ? Ui.text("merge.empty") : text));
        return radio;
    }

    private <T> int listRows(GridPane grid, int r, String list, Function<Registration, List<T>> values,
                             Function<T, Object> key, Function<T, String> text) {
        Map<Object, T> fromLeft = new LinkedHashMap<>();
        values.apply(left).forEach(v -> fromLeft.putIfAbsent(key.apply(v), v));
        Map<Object, T> fromRight = new LinkedHashMap<>();
        values.apply(right).forEach(v -> fromRight.putIfAbsent(key.apply(v), v));
        if (fromLeft.isEmpty() && fromRight.isEmpty()) {
            return r;
        }
        Label label = Ui.label("merge.list." + list);
        label.setMinWidth(240);
        grid.add(label, 0, r);
        VBox leftItems = new VBox(4);
        VBox rightItems = new VBox(4);
        fromLeft.forEach((k, v) -> {
            Item item = new Item(list, true, fromRight.containsKey(k), v, text.apply(v));
            items.add(item);
            leftItems.getChildren().add(item.box);
        });
        fromRight.forEach((k, v) -> {
            if (!fromLeft.containsKey(k)) {
                Item item = new Item(list, false, false, v, text.apply(v));
                items.add(item);
                rightItems.getChildren().add(item.box);
            }
        });
        // Up/Down order: left items, then right items.
        leftItems.getChildren().forEach(n -> rows.add((Control) n));
        rightItems.getChildren().forEach(n -> rows.add((Control) n));
        if (!leftItems.getChildren().isEmpty()) {
            label.setLabelFor(leftItems.getChildren().get(0));
        }
        grid.add(leftItems, 1, r);
        grid.add(rightItems, 2, r);
        return r + 1;
    }

    private void onKey(KeyEvent e) {
        Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        int at = rows.indexOf(focused);
        Field field = fieldOf(focused);
        switch (e.getCode()) {
            case UP, DOWN -> {
                int index = field == null ? at : rows.indexOf(radios.get(field)[0]);
                int next = index + (e.getCode() == KeyCode.UP ? -1 : 1);
                if (index >= 0 && next >= 0 && next < rows.size()) {
                    Control target = rows.get(next);
                    Field f = fieldOf(target);
                    (f == null ? target : (Control) groups.get(f).getSelectedToggle()).requestFocus();
                }
                e.consume();
            }
            case LEFT, RIGHT, L, R -> {
                if (field != null) {
                    RadioButton chosen = radios.get(field)[e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.L ? 0 : 1];
                    chosen.setSelected(true);
                    chosen.requestFocus();
                    e.consume();
                }
            }
            case ENTER -> {
                merge();
                e.consume();
            }
            default -> { }
        }
    }

    private Field fieldOf(Node node) {
        for (Map.Entry<Field, RadioButton[]> entry : radios.entrySet()) {
            if (entry.getValue()[0] == node || entry.getValue()[1] == node) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** True when the field's right value is chosen. */
    boolean rightChosen(Field field) {
        RadioButton[] pair = radios.get(field);
        return pair != null && pair[1].isSelected();
    }

    /** The surviving registration as the choices make it, and the other record's id and version. */
    MergePlan plan() {
        Registration survivor = rightChosen(Field.SURVIVOR) ? right : left;
        Registration other = survivor == left ? right : left;
        Registration fn = pick(Field.FAMILY_NAME);
        Registration gn = pick(Field.GIVEN_NAMES);
        List<String> aliases = new ArrayList<>(kept("aliases", String.class));
        // The name not chosen stays findable as an alias.
        String otherName = (fn == left ? right : left).familyName() + " " + (gn == left ? right : left).givenNames();
        String chosenName = fn.familyName() + " " + gn.givenNames();
        if (!NameKey.of(otherName).equals(NameKey.of(chosenName))
                && aliases.stream().noneMatch(a -> NameKey.of(a).equals(NameKey.of(otherName)))) {
            aliases.add(otherName.strip());
        }
        Registration result = new Registration(survivor.id(), survivor.version(), fn.familyName(), gn.givenNames(),
                pick(Field.FAMILY_NAME_ORIGINAL).familyNameOriginal(), pick(Field.GIVEN_NAMES_ORIGINAL).givenNamesOriginal(),
                aliases, pick(Field.SEX).sex(), pick(Field.BIRTH_DATE).birthDate(), pick(Field.PLACE_OF_BIRTH).placeOfBirth(),
                pick(Field.NATIONALITY_EVIDENCE).nationalityEvidence(), pick(Field.LANGUAGES).languages(),
                pick(Field.NOTES).notes(), pick(Field.PURPOSE).purpose(), pick(Field.WHEREABOUTS).whereabouts(),
                kept("contacts", ContactMethod.class), kept("emergency", EmergencyContact.class),
                kept("documents", TravelDocument.class), kept("employments", Employment.class),
                kept("vulnerabilities", Vulnerability.class), kept("consents", Consent.class),
                pick(Field.HOUSEHOLD).householdId());
        return new MergePlan(other.id(), other.version(), result);
    }

    private Registration pick(Field field) {
        return rightChosen(field) ? right : left;
    }

    private <T> List<T> kept(String list, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Item item : items) {
            if (item.list.equals(list) && item.box.isSelected()) {
                out.add(type.cast(item.value));
            }
        }
        return out;
    }

    List<Item> items() {
        return items;
    }

    private void merge() {
        if (merge.isDisabled()) {
            return;
        }
        MergePlan plan = plan();
        merge.setDisable(true);
        error.setText("");
        tasks.run(Ui.text("merge.merging"), p -> service.merge(plan), id -> {
            merge.setDisable(false);
            onMerged.accept(id);
        }, failure -> {
            merge.setDisable(false);
            error.setText(Ui.describe(failure));
        });
    }

    private static String whereabouts(Registration r) {
        Whereabouts w = r.whereabouts();
        return join(w.addressLine1(), w.addressLine2(), w.district(), w.city(), w.countryCode());
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p.strip());
            }
        }
        return String.join(", ", present);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** Names compared without case, accents or punctuation (enough to unite aliases). */
    private static final class NameKey {
        static String of(String name) {
            return java.text.Normalizer.normalize(Objects.toString(name, ""), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip().toLowerCase(Locale.ROOT);
        }
    }
}
