package io.wxbind.portal;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The portal's protected pages (web.xml: role user): who is logged in; a form of its own (POST, no WxBind token). */
@WebServlet("/app/*")
public class PortalPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String caller = request.getUserPrincipal().getName();
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html><head><title>Portal</title></head><body><h1>Portal</h1><p>Hello <span id=\"caller\">"
                + caller.replace("<", "&lt;") + "</span>, staff: <span id=\"staff\">" + request.isUserInRole("staff")
                + "</span></p></body></html>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("saved for " + request.getUserPrincipal().getName());
    }
}
