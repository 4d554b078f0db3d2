<%@ page contentType="text/plain;charset=UTF-8" %>hello ${param.name}, ${6 * 7}, ${empty param.missing}, <%= "scriptlet" %>
