<%@ page contentType="text/plain;charset=UTF-8" %>
first line
<% int x = "not a number"; %>
