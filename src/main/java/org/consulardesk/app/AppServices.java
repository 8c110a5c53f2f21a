package org.consulardesk.app;

import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.security.service.LoginService;

/** What every screen of the application shares. */
record AppServices(AppConfig config, BackgroundTasks tasks, DialogService dialogs, LoginService logins) {
}
