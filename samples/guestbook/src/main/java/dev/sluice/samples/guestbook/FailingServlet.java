package dev.sluice.samples.guestbook;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Fails on purpose, so a visitor can see the custom 500 page that web.xml declares. */
public class FailingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        throw new ServletException("guestbook: /fail fails on purpose to show the custom 500 page");
    }
}
