package io.accountoauth.account;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer of the bank: the resource owner who logs in and approves apps. */
@Entity
@Cacheable
@Table(name = "customer")
public class Customer {

    @Id
    @Column(length = 64)
    private String username;

    @Column(nullable = false)
    private String fullname;

    private String email;

    @Column(length = 512)
    private String address;

    private String phone;

    /** Salted PBKDF2 hash of the password, checked in production mode; see {@code PasswordHashes}. */
    @Column(name = "password_hash", length = 256)
    private String passwordHash;

    protected Customer() {
        // for JPA
    }

    public Customer(String username, String fullname, String email, String address, String phone) {
        this.username = username;
        this.fullname = fullname;
        this.email = email;
        this.address = address;
        this.phone = phone;
    }

    public String username() {
        return username;
    }

    public String fullname() {
        return fullname;
    }

    public String email() {
        return email;
    }

    public String address() {
        return address;
    }

    public String phone() {
        return phone;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }
}
