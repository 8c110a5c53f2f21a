package org.consulardesk.app;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/** Overview: which post, who is signed in, how many registrations, where the folder is. */
final class HomeView implements View {
    private final VBox root;
    private final Label registrants = new Label("…");
    private final Session session;
    private final BackgroundTasks tasks;

    HomeView(Session session, BackgroundTasks tasks) {
        this.session = session;
        this.tasks = tasks;
        registrants.setId("home-registrants");
        registrants.getStyleClass().add(Styles.TITLE);
        GridPane facts = Ui.form();
        facts.addRow(0, Ui.label("home.post"), new Label(session.descriptor().postName()));
        facts.addRow(1, Ui.label("home.country"), new Label(new java.util.Locale("", session.descriptor().countryCode())
                .getDisplayCountry() + " (" + session.descriptor().countryCode() + ")"));
        facts.addRow(2, Ui.label("home.user"), new Label(Ui.text("home.userValue", session.user().displayName(),
                Ui.text(session.user().role().messageKey()))));
        facts.addRow(3, Ui.label("home.folder"), new Label(session.dir().toString()));
        VBox count = Ui.card(Ui.styled(Styles.SUBTITLE, "home.registrants"), registrants);
        count.setMaxWidth(320);
        root = Ui.page(Ui.styled(Styles.TITLE, "home.title"), Ui.card(facts), count, Ui.styled(Styles.MUTED, "home.keys"));
    }

    @Override
    public void activate() {
        if (!session.can(Permission.VIEW_REGISTRY)) {
            registrants.setText(Ui.text("home.notEntitled"));
            return;
        }
        PersonService persons = new PersonService(session);
        tasks.run(Ui.text("home.counting"), p -> persons.count(null),
                n -> registrants.setText(String.format("%,d", n)), failure -> registrants.setText(Ui.describe(failure)));
    }

    @Override
    public Node root() {
        return root;
    }
}
